using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>A later export of the same source continues each case after the last row imported for it.</summary>
[Category("api")]
public sealed class LaterExportTests
{
    private const string First = """
        ticket,when,team,state
        T-1,2026-01-05 09:00,Acme Apps,New
        T-1,2026-01-05 10:00,Photon Devices,Awaiting customer
        T-2,2026-01-06 09:00,Acme Apps,New
        """;

    private static readonly object Mapping = new { caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "team", status = "state" };

    private static Task<ImportReport> ImportAsync(Marketplace market, string csv) =>
        market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping, csv });

    [Test]
    public async Task A_later_export_appends_the_rows_after_the_last_one_imported_and_skips_the_rows_already_there()
    {
        var market = await Marketplace.CreateAsync();
        await ImportAsync(market, First);
        var before = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.Single(c => c.CustomerReference == "T-1");

        var report = await ImportAsync(market, First + "\nT-1,2026-01-06 11:00,Acme Apps,Active\nT-1,2026-01-07 12:00,Acme Apps,Closed\nT-3,2026-01-07 09:00,Acme Apps,New");

        Assert.That((report.CasesImported, report.CasesContinued, report.CasesAlreadyImported, report.ConflictCount), Is.EqualTo((1, 1, 1, 0)));
        var t1 = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.Single(c => c.CustomerReference == "T-1");
        Assert.That((t1.Holder.Id, t1.Status), Is.EqualTo(("acme-apps", ComplaintStatus.Closed)));
        Assert.That(t1.HandoffCount, Is.EqualTo(before.HandoffCount + 1), "Photon Devices handed it back");
    }

    [Test]
    public async Task A_case_imported_in_two_exports_ends_as_the_same_complaint_as_imported_in_one()
    {
        var (once, twice) = (await Marketplace.CreateAsync(), await Marketplace.CreateAsync());
        const string later = "\nT-1,2026-01-06 11:00,Acme Apps,Active\nT-1,2026-01-20 12:00,Acme Apps,Closed";
        await ImportAsync(once, First + later);
        await ImportAsync(twice, First);
        await ImportAsync(twice, First + later);

        Assert.That(await ShapeAsync(twice), Is.EqualTo(await ShapeAsync(once)));
    }

    [Test]
    public async Task A_row_not_imported_before_the_last_one_imported_for_its_case_is_a_conflict_with_its_line_and_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        await ImportAsync(market, First);
        var before = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.Single(c => c.CustomerReference == "T-1");

        var report = await ImportAsync(market, First + "\nT-1,2026-01-05 09:30,Photon Devices,Active\nT-1,2026-01-05 10:00,Acme Apps,Active");

        Assert.That(report.ConflictCount, Is.EqualTo(2));
        Assert.That(report.Conflicts.Select(c => c.Line), Is.EqualTo(new[] { 5, 6 }));
        Assert.That(report.Conflicts[0].Reason, Does.Contain("T-1").And.Contain("earlier"));
        Assert.That(report.Conflicts[1].Reason, Does.Contain("at that time"));
        Assert.That(report.BadRowCount, Is.Zero, "conflicts are counted apart from bad rows");
        var after = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.Single(c => c.CustomerReference == "T-1");
        Assert.That(after.Version, Is.EqualTo(before.Version));
    }

    [Test]
    public async Task The_command_line_lists_conflicts_and_exits_with_1()
    {
        var market = await Marketplace.CreateAsync();
        await ImportAsync(market, First);
        const string mapping = """{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"team","status":"state"}""";

        var run = await CommandLineRun.ImportAsync(market.Id, First + "\nT-2,2026-01-06 08:00,Photon Devices,Active", mapping, "--source", "helpdesk");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("line 5: conflict: case 'T-2'"));
    }

    private static async Task<object[]> ShapeAsync(Marketplace market) =>
        [.. (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.OrderBy(c => c.CustomerReference)
            .Select(c => (c.CustomerReference, c.Status, c.Holder.Id, c.HandoffCount, c.ReopenCount, string.Join(",", c.FlaggedRules), c.Version))];
}
