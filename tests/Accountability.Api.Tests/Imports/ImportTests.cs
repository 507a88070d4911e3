using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

[Category("api")]
public sealed class ImportTests
{
    private static readonly object Mapping = new
    {
        caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "team", status = "state", missing = "?",
    };

    private const string Log = """
        ticket,when,team,state
        T-1,2026-01-05 09:00,Store Desk,New
        T-1,2026-01-05 10:00,Acme Apps,Active
        T-1,2026-01-05 11:00,Store Desk,Active
        T-1,2026-01-05 12:00,Acme Apps,Active
        T-2,2026-01-06 09:00,Acme Apps,New
        T-2,not a time,Acme Apps,Active
        ,2026-01-06 10:00,Acme Apps,Active
        T-2,"2026-01-06 11:00","Photon, Inc.",Resolved
        T-2,2026-01-07 11:00,"Photon, Inc.",Closed
        """;

    [Test]
    public async Task Each_case_becomes_a_complaint_each_change_of_party_a_handoff_and_bad_rows_are_reported()
    {
        var market = await Marketplace.CreateAsync();
        var report = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping, csv = Log });

        Assert.That((report.Rows, report.Cases, report.CasesImported, report.BadRowCount), Is.EqualTo((9, 2, 2, 2)));
        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 7, 8 }));
        Assert.That(report.BadRows[0].Reason, Does.Contain("not a time"));
        Assert.That(report.BadRows[1].Reason, Does.Contain("no case id"));
        Assert.That(report.FlagsByRule, Does.ContainKey(RuleIds.PingPong));

        var complaints = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.ToDictionary(c => c.CustomerReference);
        Assert.That(complaints["T-1"].HandoffCount, Is.EqualTo(3));
        Assert.That(complaints["T-1"].Holder.DisplayName, Is.EqualTo("Acme Apps"));
        Assert.That(complaints["T-1"].FlaggedRules, Does.Contain(RuleIds.PingPong));
        Assert.That(complaints["T-1"].Flags, Is.Null, "list items name the rules, not every flag");
        Assert.That(complaints["T-2"].Status, Is.EqualTo(ComplaintStatus.Closed));
        Assert.That(complaints["T-2"].Holder.DisplayName, Is.EqualTo("Photon, Inc."));
        var timeline = await market.TimelineAsync(complaints["T-2"].Id);
        Assert.That(timeline.Select(e => e.Type).Take(5), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_handed_off", "complaint_resolved", "complaint_closed",
        }));
        Assert.That(timeline[0].At, Is.EqualTo(new DateTimeOffset(2026, 1, 6, 9, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public async Task Importing_the_same_file_twice_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var first = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping, csv = Log });
        var before = await market.Operator.GetJsonAsync<ListResponse>("/api/complaints");

        var second = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "helpdesk", mapping = Mapping, csv = Log });

        Assert.That((second.CasesImported, second.CasesAlreadyImported, second.EventsWritten, second.PartiesRegistered), Is.EqualTo((0, 2, 0, 0)));
        var after = await market.Operator.GetJsonAsync<ListResponse>("/api/complaints");
        Assert.That(after.Items.Select(c => (c.Id, c.Version)), Is.EqualTo(before.Items.Select(c => (c.Id, c.Version))));
        Assert.That(first.EventsWritten, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_mapping_naming_a_missing_column_is_refused_and_imports_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "assignee_group" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "helpdesk", mapping, csv = Log });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Detail, Does.Contain("'assignee_group'"));
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);
    }

    [Test]
    public async Task Vendors_cannot_import()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Acme.PostAsync("/api/imports", new { source = "x", mapping = Mapping, csv = Log });
        await response.ShouldBeProblemAsync(403, "forbidden");
    }
}
