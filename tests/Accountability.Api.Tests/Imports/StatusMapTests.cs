using System.Text.Json.Nodes;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Imports;

/// <summary>The mapping's status map says what the source's status words mean; words it does not mention are reported, not guessed.</summary>
[Category("api")]
public sealed class StatusMapTests
{
    private static readonly object Statuses = new Dictionary<string, string>
    {
        ["Active"] = "inProgress", ["Wait - User"] = "waitingOnCustomer", ["Wait - Vendor"] = "waitingOnThirdParty",
        ["In Call"] = "resolved", ["Closed"] = "closed", ["Cancelled"] = "cancelled", ["Reopened"] = "reopened",
    };

    private static object Mapping(object? statuses) => new
    {
        caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "team", status = "state", statuses,
    };

    private const string Log = """
        ticket,when,team,state
        T-1,2026-01-05 09:00,Acme Apps,Active
        T-1,2026-01-05 10:00,Acme Apps,Wait - Vendor
        T-1,2026-01-09 10:00,Acme Apps,Active
        T-1,2026-01-09 11:00,Acme Apps,Wait - User
        T-1,2026-01-12 11:00,Acme Apps,Active
        T-1,2026-01-12 12:00,Acme Apps,In Call
        T-1,2026-01-13 12:00,Acme Apps,Closed
        T-2,2026-01-05 09:00,Acme Apps,Escalated Internally
        T-2,2026-01-05 09:30,Acme Apps,Escalated Internally
        T-2,2026-01-06 08:00,Acme Apps,Cancelled
        T-3,2026-01-05 09:00,Acme Apps,Active
        T-3,2026-01-05 10:00,Acme Apps,Wait - User
        """;

    [Test]
    public async Task The_mappings_words_become_waits_resolutions_closures_and_cancellations()
    {
        var market = await Marketplace.CreateAsync();
        await ImportAsync(market, Mapping(Statuses));
        var complaints = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.ToDictionary(c => c.CustomerReference);

        Assert.That(complaints["T-1"].Status, Is.EqualTo(ComplaintStatus.Closed));
        Assert.That((await market.TimelineAsync(complaints["T-1"].Id)).Select(e => e.Type), Is.EqualTo(new[]
        {
            "complaint_filed", "complaint_assigned", "complaint_acknowledged", "third_party_wait_started", "third_party_responded",
            "information_requested", "information_provided", "complaint_resolved", "complaint_closed",
        }));
        Assert.That(complaints["T-2"].Status, Is.EqualTo(ComplaintStatus.Cancelled));
        Assert.That(complaints.Values.SelectMany(c => c.FlaggedRules), Does.Not.Contain(RuleIds.StalledHolder),
            "waits pause the holder's clock and finished cases stop it: no deadline passes on its running time");
        var t1 = await market.Operator.GetJsonAsync<Features.Complaints.ComplaintView>($"/api/complaints/{complaints["T-1"].Id}");
        Assert.That(t1.TimeHeld.Single(t => t.Party != "store").Seconds, Is.EqualTo(3 * 3600), "an hour of work before each wait and before the resolution");
    }

    [Test]
    public async Task Status_words_the_mapping_does_not_mention_are_listed_with_their_counts()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, Mapping(Statuses));
        Assert.That(report["unknownStatuses"]!.ToJsonString(), Is.EqualTo("""{"Escalated Internally":2}"""));
    }

    [Test]
    public async Task Without_a_status_map_the_common_words_are_understood_and_the_others_listed()
    {
        var market = await Marketplace.CreateAsync();
        var report = await ImportAsync(market, Mapping(null));
        Assert.That(report["unknownStatuses"]!.ToJsonString(), Is.EqualTo("""{"Escalated Internally":2,"In Call":1,"Wait - User":2,"Wait - Vendor":1}"""));
        var complaints = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items.ToDictionary(c => c.CustomerReference);
        Assert.That((complaints["T-1"].Status, complaints["T-2"].Status), Is.EqualTo((ComplaintStatus.Closed, ComplaintStatus.Cancelled)));
    }

    [Test]
    public async Task A_status_map_with_a_meaning_that_does_not_exist_is_refused_naming_the_word()
    {
        var market = await Marketplace.CreateAsync();
        using var response = await market.Operator.PostAsync("/api/imports",
            new { source = "helpdesk", mapping = Mapping(new Dictionary<string, string> { ["Active"] = "inProgress", ["Parked"] = "parked" }), csv = Log });
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EquivalentTo(new[] { "mapping.statuses[Parked]" }));
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints")).Items, Is.Empty);
    }

    private static async Task<JsonNode> ImportAsync(Marketplace market, object mapping) =>
        (await market.Operator.PostJsonAsync<JsonNode>("/api/imports", new { source = "helpdesk", mapping, csv = Log }))!;
}
