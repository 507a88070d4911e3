using System.Text.Json;
using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>
/// The JSON Lines samples shipped in deploy/import (Zendesk ticket audits, Jira issue changelogs, shaped as their APIs
/// return them) import with their example mappings into the complaints, handoffs, waits and endings they describe.
/// </summary>
[Category("api")]
public sealed class JsonLinesSampleTests
{
    [Test]
    public async Task Zendesk_audits_import_from_the_command_line_with_the_example_mapping()
    {
        var market = await Marketplace.CreateAsync();
        var run = await CommandLineRun.ImportAsync(market.Id, await SampleAsync("zendesk-audits.jsonl"), await SampleAsync("zendesk-mapping.json"), "--json");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        var report = JsonSerializer.Deserialize<ImportReport>(run.Output, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.That((report.Rows, report.Cases, report.CasesImported, report.BadRowCount, report.PartiesRegistered), Is.EqualTo((18, 4, 4, 0, 3)));
        Assert.That(report.UnknownStatuses, Is.Empty);
        var tickets = await ComplaintsAsync(market);

        Assert.That(await TypesAsync(market, tickets["101"]), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_handed_off", "complaint_acknowledged", "complaint_handed_off",
            "complaint_resolved", "complaint_closed",
        }), "handed to technical and straight back (a bounce), solved, closed");
        Assert.That(tickets["101"].FlaggedRules, Does.Contain(RuleIds.Bounce));
        Assert.That(await TypesAsync(market, tickets["102"]), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_acknowledged", "information_requested", "information_provided",
            "complaint_resolved", "complaint_reopened", "complaint_acknowledged", "complaint_resolved",
        }), "pending is a wait on the customer; a reply to a solved ticket reopens it");
        Assert.That(await TypesAsync(market, tickets["103"]), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_handed_off", "complaint_acknowledged", "third_party_wait_started",
            "third_party_responded",
        }), "on hold is a wait on a third party");
        Assert.That(await TypesAsync(market, tickets["104"]), Is.EqualTo(new[] { "complaint_filed", "complaint_assigned", "complaint_acknowledged" }),
            "an audit without a group change keeps the case where it is; the first group is an assignment");
        Assert.That((tickets["101"].Status, tickets["102"].Status, tickets["103"].Status), Is.EqualTo((ComplaintStatus.Closed, ComplaintStatus.Resolved, ComplaintStatus.InProgress)));
        Assert.That((tickets["101"].Severity, tickets["102"].Severity, tickets["103"].Severity, tickets["104"].Severity),
            Is.EqualTo((Severity.Medium, Severity.High, Severity.Critical, Severity.Low)), "Zendesk's priorities normal, high, urgent, low");
        var handback = (await market.TimelineAsync(tickets["101"].Id)).Where(e => e.Type == "complaint_handed_off").Last();
        Assert.That(((JsonElement)handback.Data).GetProperty("note").GetString(), Is.EqualTo("Handed off by 35437."), "the audit's author handed it back");
    }

    [Test]
    public async Task Jira_changelogs_import_through_the_api_with_the_example_mapping()
    {
        var market = await Marketplace.CreateAsync();
        var mapping = JsonSerializer.Deserialize<JsonElement>(await SampleAsync("jira-mapping.json"));

        var report = await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "jira", mapping, jsonl = await SampleAsync("jira-changelog.jsonl") });

        Assert.That((report.Rows, report.Cases, report.CasesImported, report.BadRowCount, report.PartiesRegistered), Is.EqualTo((19, 4, 4, 0, 2)));
        Assert.That(report.UnknownStatuses, Is.Empty);
        var issues = await ComplaintsAsync(market);
        Assert.That(await TypesAsync(market, issues["10100"]), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_acknowledged", "complaint_handed_off", "complaint_handed_off",
            "complaint_resolved", "complaint_closed",
        }), "assigned to Raj and straight back to Mia (a bounce), resolved, closed by the automation");
        Assert.That(issues["10100"].FlaggedRules, Does.Contain(RuleIds.Bounce));
        Assert.That(await TypesAsync(market, issues["10101"]), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_acknowledged", "information_requested", "information_provided",
            "complaint_resolved", "complaint_reopened", "complaint_acknowledged", "complaint_resolved",
        }), "waiting for customer, back to waiting for support when the customer answers, resolved, reopened, resolved again");
        Assert.That(await TypesAsync(market, issues["10102"]), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_acknowledged", "third_party_wait_started", "third_party_responded",
            "complaint_cancelled",
        }), "pending waits on a third party; canceled ends the case without blame");
        Assert.That(await TypesAsync(market, issues["10103"]), Is.EqualTo(new[] { "complaint_filed", "complaint_assigned" }));
        Assert.That((issues["10100"].Status, issues["10102"].Status, issues["10103"].Status),
            Is.EqualTo((ComplaintStatus.Closed, ComplaintStatus.Cancelled, ComplaintStatus.Open)));
        Assert.That(issues["10100"].HandoffCount, Is.EqualTo(2));
    }

    internal static Task<string> SampleAsync(string file) =>
        File.ReadAllTextAsync(Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), "deploy", "import", file));

    private static async Task<Dictionary<string, Features.Complaints.ComplaintView>> ComplaintsAsync(Marketplace market) =>
        (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.ToDictionary(c => c.CustomerReference);

    /// <summary>The events the log stands for, without those the rules add judging it (flags, and escalations of cases still open).</summary>
    private static async Task<string[]> TypesAsync(Marketplace market, Features.Complaints.ComplaintView complaint) =>
        [.. (await market.TimelineAsync(complaint.Id)).Select(e => e.Type).Where(t => t is not ("flag_raised" or "complaint_escalated"))];
}
