using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Parties;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>No import value gives a 500: a bad mapping is a 400 naming its field, a bad row a bad row with its line.</summary>
[Category("api")]
public sealed class ImportValueTests
{
    private static object Mapping(string timestampFormat = "yyyy-MM-dd HH:mm", string party = "group") =>
        new { caseId = "case", timestamp = "when", timestampFormat, party };

    private static async Task<ImportReport> ImportAsync(Marketplace market, string rows, string timestampFormat = "yyyy-MM-dd HH:mm") =>
        await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "log", mapping = Mapping(timestampFormat), csv = $"case,when,group\n{rows}" });

    [TestCase("%")]
    [TestCase("\\")]
    [TestCase("'")]
    [TestCase("yyyy-MM-dd 'unclosed")]
    public async Task A_timestamp_format_that_cannot_read_a_time_is_refused_naming_the_field(string format)
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "log", mapping = Mapping(format), csv = "case,when,group\nA1,2026-01-05 09:00,g1" });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { "mapping.timestampFormat" }));
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);
    }

    [Test]
    public async Task A_row_dated_before_1970_in_any_offset_is_a_bad_row_not_a_stored_event()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, "A5,0001-01-01 00:00 +14:00,g1\nA6,1969-12-31 23:59 +00:00,g1", "yyyy-MM-dd HH:mm zzz");
        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(report.BadRows[0].Reason, Does.Contain("'when'").And.Contain("1970"));
        Assert.That((report.CasesImported, report.EventsWritten), Is.EqualTo((0, 0)));
    }

    [TestCase("9999-12-31 23:59")]
    [TestCase("2999-01-01 00:00")]
    public async Task A_row_dated_in_the_far_future_is_a_bad_row_not_a_500(string when)
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, $"A1,2026-01-05 09:00,g1\nA2,{when},g1");
        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 3 }));
        Assert.That(report.CasesImported, Is.EqualTo(1));
    }

    [Test]
    public async Task A_party_name_longer_than_an_api_display_name_is_a_bad_row()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, $"A1,2026-01-05 09:00,{new string('g', PartyRules.MaxDisplayNameLength + 1)}\nA2,2026-01-05 09:00,{new string('g', PartyRules.MaxDisplayNameLength)}");
        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 2 }));
        Assert.That(report.BadRows[0].Reason, Does.Contain("200"));
        var parties = await market.Operator.GetJsonAsync<List<Party>>("/api/parties");
        Assert.That(parties.Max(p => p.DisplayName.Length), Is.EqualTo(PartyRules.MaxDisplayNameLength));
    }

    [Test]
    public async Task Names_without_latin_letters_or_digits_become_distinct_parties_never_one_called_party()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, "A1,2026-01-05 09:00,Служба\nA2,2026-01-05 09:00,サポート\nA3,2026-01-05 10:00,СЛУЖБА");
        Assert.That((report.BadRowCount, report.PartiesRegistered), Is.EqualTo((0, 2)));
        var parties = await market.Operator.GetJsonAsync<List<Party>>("/api/parties");
        var imported = parties.Where(p => p.DisplayName is "Служба" or "サポート").ToList();
        Assert.That(imported.Select(p => p.Id), Is.Unique.And.None.EqualTo("party").And.All.Match(PartyRules.IdPattern));
    }

    [Test]
    public async Task Two_names_with_one_slug_never_merge_the_later_rows_are_bad_rows_naming_the_clash()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, "A1,2026-01-05 09:00,Group 56\nA2,2026-01-05 09:00,group-56\nA3,2026-01-05 09:00,GROUP 56\nA4,2026-01-05 09:00,Photon!");
        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 3, 5 }));
        Assert.That(report.BadRows[0].Reason, Does.Contain("group-56").And.Contain("Group 56"));
        Assert.That(report.BadRows[1].Reason, Does.Contain("'photon'").And.Contain("Photon Devices"), "a registered party's id is not taken by another name either");
        var parties = await market.Operator.GetJsonAsync<List<Party>>("/api/parties");
        Assert.That(parties.Where(p => p.Id == "group-56").Select(p => p.DisplayName), Is.EqualTo(new[] { "Group 56" }));
    }

    [Test]
    public async Task A_cell_with_a_nul_is_a_bad_row_naming_line_and_column()
    {
        var market = await Marketplace.CreateAsync();
        // A file reaches the importer as UTF-8, where an unpaired surrogate cannot be written; the NUL can.
        var run = await CommandLineRun.ImportAsync(market.Id, "case,when,group\nA1,2026-01-05 09:00,Zeta\0Support\nA\0,2026-01-05 09:00,Zeta\nA3,2026-01-05 09:00,Zeta",
            """{"caseId":"case","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"group"}""");

        Assert.That(run.ExitCode, Is.EqualTo(1), "some rows were bad: " + run.Error);
        Assert.That(run.Output, Does.Contain("line 2").And.Contain("column 'group'"));
        Assert.That(run.Output, Does.Contain("line 3").And.Contain("column 'case'"));
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.Select(c => c.CustomerReference), Is.EqualTo(new[] { "A3" }));
    }

    [Test]
    public async Task The_command_line_refuses_a_timestamp_format_that_cannot_read_a_time()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, "case,when,group\nA1,2026-01-05 09:00,Acme",
            """{"caseId":"case","timestamp":"when","timestampFormat":"%","party":"group"}""");

        Assert.That(run.ExitCode, Is.Not.Zero);
        Assert.That(run.Error, Does.Contain("mapping.timestampFormat"));
    }

    [Test]
    public void A_cell_with_an_unpaired_surrogate_is_a_bad_row_naming_its_column()
    {
        var columns = new ImportMapping("case", "when", "group", "yyyy-MM-dd HH:mm").Resolve(["case", "when", "group"]).Columns!;
        var (row, problem) = columns.Parse(2, ["A\uD800", "2026-01-05 09:00", "Acme"], DateTimeOffset.UtcNow, new ImportedParties([]));
        Assert.That(row, Is.Null);
        Assert.That(problem, Does.Contain("column 'case'"));
    }
}
