using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>
/// The mapping is checked whole before any row is read: on the command line a bad mapping is a clear message and exit
/// code 2 with nothing imported; through the API the same answer as problem+json naming the field.
/// </summary>
[Category("api")]
public sealed class MappingCheckTests
{
    private const string Log = "ticket,when,team\nT-1,2026-01-05 09:00,Acme Apps\nT-2,2026-01-05 10:00,Photon Devices\n";

    [TestCase("caseId")]
    [TestCase("timestamp")]
    [TestCase("party")]
    public async Task A_mapping_without_a_required_field_exits_2_naming_it_and_imports_nothing(string field)
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new Dictionary<string, string> { ["caseId"] = "ticket", ["timestamp"] = "when", ["timestampFormat"] = "yyyy-MM-dd HH:mm", ["party"] = "team" };
        mapping.Remove(field);

        var run = await CommandLineRun.ImportAsync(market.Id, Log, System.Text.Json.JsonSerializer.Serialize(mapping));

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain($"mapping.{field}").And.Contain("required").And.Not.Contain("Exception"));
        await AssertNothingImportedAsync(market);
    }

    [Test]
    public async Task A_column_the_file_lacks_exits_2_with_the_nearest_column_as_did_you_mean()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, Log, """{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"teams"}""");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("mapping.party").And.Contain("'teams'").And.Contain("did you mean 'team'?"));
        await AssertNothingImportedAsync(market);
    }

    [Test]
    public async Task An_unknown_option_exits_2_naming_it_with_the_option_meant()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, Log, """{"caseId":"ticket","timestamp":"when","timestampFromat":"yyyy-MM-dd HH:mm","party":"team"}""");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("mapping.timestampFromat").And.Contain("did you mean 'timestampFormat'?"));
        await AssertNothingImportedAsync(market);
    }

    [Test]
    public async Task The_api_names_a_column_the_file_lacks_under_the_mapping_field_with_did_you_mean()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { caseId = "ticket", timestamp = "when", party = "Team", status = "stat" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "helpdesk", mapping, csv = "ticket,when,team,state\nT-1,2026-01-05 09:00,Acme Apps,Open\n" });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "mapping.status", "csv" }), "the header and the mapping disagree: both are named");
        Assert.That(problem.Errors["mapping.status"][0], Does.Contain("did you mean 'state'?"));
        Assert.That(problem.Errors["csv"][0], Does.Contain("no column named 'stat'"));
        await AssertNothingImportedAsync(market);
    }

    [Test]
    public async Task The_api_refuses_an_unknown_option_naming_it()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { caseId = "ticket", timestamp = "when", party = "team", persn = "who" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "helpdesk", mapping, csv = Log });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { "mapping.persn" }));
        Assert.That(problem.Errors["mapping.persn"][0], Does.Contain("did you mean 'person'?"));
    }

    [Test]
    public async Task A_person_without_saying_whether_sender_or_receiver_is_refused()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = new { caseId = "ticket", timestamp = "when", party = "team", person = "team" };
        using var response = await market.Operator.PostAsync("/api/imports", new { source = "helpdesk", mapping, csv = Log });

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { "mapping.personIs" }));
    }

    [Test]
    public async Task Without_a_time_format_times_are_read_as_ISO_8601_and_a_bad_one_says_so()
    {
        var market = await Marketplace.CreateAsync();
        var csv = "ticket,when,team\nT-1,2026-01-05T09:00:00+01:00,Acme Apps\nT-2,2026-01-05T09:00:00.123Z,Acme Apps\nT-3,2026-01-05T09:00:00.000+0000,Acme Apps\nT-4,05-01-2026 09:00,Acme Apps\n";
        var report = await market.Operator.PostJsonAsync<Features.Imports.ImportReport>("/api/imports",
            new { source = "iso", mapping = new { caseId = "ticket", timestamp = "when", party = "team" }, csv });

        Assert.That(report.CasesImported, Is.EqualTo(3));
        Assert.That(report.BadRows.Single().Line, Is.EqualTo(5));
        Assert.That(report.BadRows.Single().Reason, Does.Contain("is not a time in the format ISO 8601"));
    }

    [Test]
    public async Task When_every_row_is_bad_the_command_exits_1_and_names_the_lines()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, "ticket,when,team\nT-1,yesterday,Acme\nT-2,today,Acme\n",
            """{"caseId":"ticket","timestamp":"when","timestampFormat":"yyyy-MM-dd HH:mm","party":"team"}""");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("line 2").And.Contain("line 3").And.Contain("format yyyy-MM-dd HH:mm"));
    }

    private static async Task AssertNothingImportedAsync(Marketplace market) =>
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);
}
