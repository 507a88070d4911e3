using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>
/// JSON Lines is read one line at a time: a line that is not JSON or lacks a mapped path is a bad row naming its line
/// and what is wrong, and the lines around it import. The JSON Lines options are checked with the rest of the mapping.
/// </summary>
[Category("api")]
public sealed class JsonLinesGuardTests
{
    private static readonly object Mapping = new
    {
        format = "jsonl", caseId = "ticket_id", timestamp = "created_at",
        party = "events[field_name=group_id].value", status = "events[field_name=status].value",
    };

    private static string Audit(int ticket, string at, string group) =>
        $$"""{"ticket_id":{{ticket}},"created_at":"{{at}}","events":[{"type":"Create","field_name":"group_id","value":"{{group}}"}]}""";

    [Test]
    public async Task A_line_that_is_not_JSON_is_a_bad_row_naming_its_line_and_the_next_lines_import()
    {
        var market = await Marketplace.CreateAsync();
        var jsonl = string.Join('\n', Audit(1, "2026-03-02T09:00:00Z", "Billing"),
            """{"ticket_id":2,"created_at":"2026-03-02T09:00:00Z","events":[{"type":"Create","field_name":"group_id","value":"Billing}]}""",
            Audit(3, "2026-03-02T09:00:00Z", "Billing"), Audit(4, "2026-03-02T09:00:00Z", "Billing"));

        var report = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "audits", mapping = Mapping, jsonl });

        Assert.That(report.BadRows.Select(b => b.Line), Is.EqualTo(new[] { 2 }));
        Assert.That(report.BadRows[0].Reason, Does.Contain("not JSON"));
        Assert.That((report.Rows, report.CasesImported), Is.EqualTo((4, 3)), "the unterminated string swallows nothing after its line");
    }

    [Test]
    public async Task A_line_without_a_mapped_path_is_a_bad_row_naming_the_path()
    {
        var market = await Marketplace.CreateAsync();
        var jsonl = Audit(1, "2026-03-02T09:00:00Z", "Billing") + "\n" + """{"ticket_id":2,"updated_at":"2026-03-02T09:00:00Z","events":[]}""";

        var report = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "audits", mapping = Mapping, jsonl });

        Assert.That(report.BadRows.Single().Line, Is.EqualTo(2));
        Assert.That(report.BadRows.Single().Reason, Does.Contain("no 'created_at'"));
        Assert.That(report.CasesImported, Is.EqualTo(1));
    }

    [Test]
    public async Task A_line_whose_rows_are_missing_is_a_bad_row_naming_them()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { format = "jsonl", rows = "changeHistories", caseId = "$.issueId", timestamp = "created", party = "items[field=assignee].toString" };
        var jsonl = """{"issueId":"10100","changeHistories":[{"created":"2026-03-02T09:15:00.000+0000","items":[{"field":"assignee","toString":"Mia"}]}]}""" + "\n" +
            """{"issueId":"10101","histories":[]}""";

        var report = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "jira", mapping, jsonl });

        Assert.That(report.BadRows.Single(), Is.EqualTo(new BadRow(2, "it has no 'changeHistories' (mapped path 'changeHistories')")));
        Assert.That(report.CasesImported, Is.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_format_exits_2_with_the_format_meant()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, Audit(1, "2026-03-02T09:00:00Z", "Billing"),
            """{"format":"json","caseId":"ticket_id","timestamp":"created_at","party":"events[field_name=group_id].value"}""");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("mapping.format").And.Contain("did you mean 'jsonl'?"));
        await AssertNothingImportedAsync(market);
    }

    [Test]
    public async Task A_path_that_cannot_be_read_is_refused_naming_its_field()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { format = "jsonl", caseId = "ticket_id", timestamp = "created_at", party = "events[field_name=group_id.value" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "audits", mapping, jsonl = Audit(1, "2026-03-02T09:00:00Z", "Billing") });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { "mapping.party" }));
        Assert.That(problem.Errors["mapping.party"][0], Does.Contain("is not a path"));
        await AssertNothingImportedAsync(market);
    }

    [Test]
    public async Task A_member_the_first_line_lacks_is_refused_with_the_member_meant()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { format = "jsonl", caseId = "ticketId", timestamp = "created_at", party = "events[field_name=group_id].value" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "audits", mapping, jsonl = Audit(1, "2026-03-02T09:00:00Z", "Billing") });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "mapping.caseId", "jsonl" }));
        Assert.That(problem.Errors["mapping.caseId"][0], Does.Contain("did you mean 'ticket_id'?"));
        await AssertNothingImportedAsync(market);
    }

    [Test]
    public async Task Rows_without_the_JSON_Lines_format_are_refused()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { rows = "changeHistories", caseId = "ticket", timestamp = "when", party = "team" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "log", mapping, csv = "ticket,when,team\nT-1,2026-01-05T09:00:00Z,Acme\n" });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { "mapping.rows" }));
        Assert.That(problem.Errors["mapping.rows"][0], Does.Contain("needs \"format\": \"jsonl\""));
    }

    [Test]
    public async Task A_JSON_Lines_body_with_a_CSV_mapping_is_refused_naming_jsonl()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { caseId = "ticket_id", timestamp = "created_at", party = "team" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "audits", mapping, jsonl = Audit(1, "2026-03-02T09:00:00Z", "Billing") });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "csv", "jsonl" }));
        Assert.That(problem.Errors["jsonl"][0], Does.Contain("\"format\": \"jsonl\""));
    }

    private static async Task AssertNothingImportedAsync(Marketplace market) =>
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);
}
