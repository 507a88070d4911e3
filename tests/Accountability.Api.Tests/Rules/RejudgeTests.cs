using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.Policies.Rejudge;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Dashboard;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;
using FlagsResponse = Accountability.Api.Features.Complaints.Flags.Response;
using RejudgeResponse = Accountability.Api.Features.Policies.Rejudge.Response;

namespace Accountability.Api.Tests.Rules;

/// <summary>
/// Flags judged under one policy, the policy changed, the history re-judged: the differences are written as flag events
/// and nothing else, every view and scorecard follows them, and a second run writes nothing.
/// </summary>
[Category("api")]
public sealed class RejudgeTests
{
    private const string Path = "/api/policy/rejudge";
    private ProjectionWorker worker = null!;

    [OneTimeSetUp]
    public void StartWorker() => worker = new ProjectionWorker();

    [OneTimeTearDown]
    public async Task StopWorker() => await worker.DisposeAsync();

    /// <summary>A marketplace whose two complaints were judged without the bounce and with evidence-free handoffs, then the policy swapped the two.</summary>
    private async Task<(Marketplace Market, ComplaintView Bounced, ComplaintView Unproven)> JudgedUnderTheOldPolicyAsync()
    {
        var market = await worker.CreateMarketplaceAsync();
        await PolicyAsync(market, bounce: false, evidenceFree: true);
        var bounced = await market.FileAsync();
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{bounced.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{bounced.Id}/handoffs", new { to = "store", reason = "NeedsStoreAction" });
        var unproven = await market.FileAsync();
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{unproven.Id}/handoffs", new { to = "acme", reason = "WrongParty" });
        await PolicyAsync(market, bounce: true, evidenceFree: false);
        return (market, bounced, unproven);
    }

    private static async Task PolicyAsync(Marketplace market, bool bounce, bool evidenceFree)
    {
        var policy = PolicyJson.Editable();
        policy["bounce"]!["enabled"] = bounce;
        policy["evidenceFreeHandoff"]!["enabled"] = evidenceFree;
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Rejudging_writes_the_differences_as_flag_events_only_the_views_and_scorecards_follow_and_a_second_run_writes_nothing()
    {
        var (market, bounced, unproven) = await JudgedUnderTheOldPolicyAsync();
        var storeHook = await market.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "complaint.flagged", "complaint.escalated" }, partyId = "store" }, 201);
        var acmeHook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "complaint.flagged", "complaint.escalated" } }, 201);
        await worker.CatchUpAsync();
        Assert.That(await FlagsAgainstAsync(market), Is.EqualTo((Bounce: 0, EvidenceFree: 1)));
        var bouncedBefore = await market.TimelineAsync(bounced.Id);
        var unprovenBefore = await market.TimelineAsync(unproven.Id);

        var first = await market.Operator.PostJsonAsync<RejudgeResponse>(Path, new { });

        Assert.That((first.PolicyVersion, first.DryRun, first.ComplaintsJudged, first.ComplaintsChanged, first.Conflicts.Count), Is.EqualTo((3, false, 2, 2, 0)));
        Assert.That(first.ByRule[RuleIds.Bounce], Is.EqualTo(new RuleChanges(1, 0)));
        Assert.That(first.ByRule[RuleIds.EvidenceFreeHandoff], Is.EqualTo(new RuleChanges(0, 1)));
        var bouncedAfter = await market.TimelineAsync(bounced.Id);
        var unprovenAfter = await market.TimelineAsync(unproven.Id);
        Assert.That(bouncedAfter.Skip(bouncedBefore.Count).Select(e => e.Type), Is.EqualTo(new[] { "flag_raised" }), "no escalation follows");
        Assert.That(unprovenAfter.Skip(unprovenBefore.Count).Select(e => e.Type), Is.EqualTo(new[] { "flag_withdrawn" }));

        var bouncedView = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{bounced.Id}");
        Assert.That((bouncedView.FlaggedRules, bouncedView.Escalation), Is.EqualTo((new[] { RuleIds.Bounce }, (Escalation?)null)));
        Assert.That(bouncedView.Flags!.Single().Charged, Is.EqualTo(new[] { "acme" }));
        var unprovenView = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{unproven.Id}");
        Assert.That((unprovenView.FlaggedRules.Count, unprovenView.Flags!.Count), Is.EqualTo((0, 0)));
        var withdrawn = (await market.Operator.GetJsonAsync<FlagsResponse>($"/api/complaints/{unproven.Id}/flags")).Flags.Single();
        Assert.That((withdrawn.Rule, withdrawn.WithdrawnBy), Is.EqualTo((RuleIds.EvidenceFreeHandoff, (long?)unprovenAfter[^1].Version)));

        using (var visitor = new DashboardVisitor(worker.BaseAddress))
        {
            await visitor.SignInAsOperatorAsync(market);
            var page = await visitor.ReadAsync($"/dashboard/complaints/{unproven.Id}");
            Assert.That(page, Does.Contain("flag severity-border-low withdrawn").And.Contain($"Withdrawn on re-judging the history (event {unprovenAfter[^1].Version})"));
            var overview = await visitor.ReadAsync("/dashboard");
            Assert.That(overview, Does.Contain($"/dashboard/complaints/{bounced.Id}").And.Not.Contain($"/dashboard/complaints/{unproven.Id}"));
        }
        Assert.That(await market.Operator.GetJsonAsync<IReadOnlyList<DeliveryView>>($"/api/webhooks/{storeHook.Endpoint.Id}/deliveries"), Is.Empty);
        Assert.That(await market.Acme.GetJsonAsync<IReadOnlyList<DeliveryView>>($"/api/webhooks/{acmeHook.Endpoint.Id}/deliveries"), Is.Empty);
        await worker.CatchUpAsync();
        Assert.That(await FlagsAgainstAsync(market), Is.EqualTo((Bounce: 1, EvidenceFree: 0)));

        var second = await market.Operator.PostJsonAsync<RejudgeResponse>(Path, new { });
        Assert.That((second.ComplaintsJudged, second.ComplaintsChanged, second.Complaints.Count), Is.EqualTo((2, 0, 0)));
        Assert.That(await market.TimelineAsync(bounced.Id), Has.Count.EqualTo(bouncedAfter.Count));
        Assert.That(await market.TimelineAsync(unproven.Id), Has.Count.EqualTo(unprovenAfter.Count));
    }

    [Test]
    public async Task A_dry_run_reports_the_differences_and_writes_nothing()
    {
        var (market, bounced, unproven) = await JudgedUnderTheOldPolicyAsync();
        var bouncedBefore = await market.TimelineAsync(bounced.Id);

        var report = await market.Operator.PostJsonAsync<RejudgeResponse>(Path, new { dryRun = true });

        Assert.That((report.DryRun, report.ComplaintsChanged), Is.EqualTo((true, 2)));
        Assert.That(report.Complaints.Select(c => (c.ComplaintId, string.Join(",", c.Raised), string.Join(",", c.Withdrawn))),
            Is.EquivalentTo(new[] { (bounced.Id, RuleIds.Bounce, ""), (unproven.Id, "", RuleIds.EvidenceFreeHandoff) }));
        Assert.That(await market.TimelineAsync(bounced.Id), Has.Count.EqualTo(bouncedBefore.Count));
        Assert.That((await market.Operator.PostJsonAsync<RejudgeResponse>(Path, new { dryRun = true })).ComplaintsChanged, Is.EqualTo(2));
    }

    [Test]
    public async Task A_vendor_key_may_not_rejudge()
    {
        var (market, bounced, _) = await JudgedUnderTheOldPolicyAsync();
        using var response = await market.Acme.PostAsync(Path, new { });
        await response.ShouldBeProblemAsync(403, "forbidden");
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{bounced.Id}")).FlaggedRules, Is.Empty);
    }

    [Test]
    public async Task Another_marketplaces_operator_rejudges_its_own_history_and_sees_and_changes_nothing_of_this_one()
    {
        var (market, bounced, unproven) = await JudgedUnderTheOldPolicyAsync();
        var other = await worker.CreateMarketplaceAsync();

        var report = await other.Operator.PostJsonAsync<RejudgeResponse>(Path, new { });

        Assert.That((report.PolicyVersion, report.ComplaintsJudged, report.ComplaintsChanged, report.Complaints.Count), Is.EqualTo((1, 0, 0, 0)));
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{bounced.Id}")).FlaggedRules, Is.Empty);
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{unproven.Id}")).FlaggedRules,
            Is.EqualTo(new[] { RuleIds.EvidenceFreeHandoff }));
    }

    [Test]
    public async Task A_complaint_written_to_between_reading_and_appending_is_read_and_judged_again_rather_than_given_stale_flags()
    {
        var market = await worker.CreateMarketplaceAsync();
        await PolicyAsync(market, bounce: false, evidenceFree: true);
        var filed = await market.FileAsync();
        var handoffs = $"/api/complaints/{filed.Id}/handoffs";
        await market.Operator.PostJsonAsync<ComplaintView>(handoffs, new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>(handoffs, new { to = "store", reason = "NeedsStoreAction" });
        await PolicyAsync(market, bounce: true, evidenceFree: true);
        await using var reader = worker.Store.QuerySession(market.Id);
        var policy = PolicyDocument.Current(await reader.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId));
        var parties = new PartyDirectory(await reader.Query<Party>().ToListAsync());
        var history = (await ComplaintHistories.ReadAsync(reader, [filed.Id], CancellationToken.None))[filed.Id];
        var stale = Rejudging.Judge(history, policy, parties, DateTimeOffset.UtcNow);
        Assert.That(stale.Raised.Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.Bounce }), "read before the next handoff");

        // Meanwhile the complaint goes back to acme: the live rules raise the ping-pong, which the bounce would have grown into.
        await market.Operator.PostJsonAsync<ComplaintView>(handoffs, new { to = "acme", reason = "NeedsVendorFix" });
        var written = await HistoryRejudging.AppendAsync(worker.Store, market.Id, filed.Id, stale, history.Count, policy, parties, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.That(written?.IsEmpty, Is.True, "judged again at the new version: the ping-pong stands as the rules raise it");
        var timeline = await market.TimelineAsync(filed.Id);
        Assert.That(timeline.Select(e => e.Version), Is.EqualTo(Enumerable.Range(1, timeline.Count).Select(v => (long)v)));
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}")).FlaggedRules, Is.EqualTo(new[] { RuleIds.PingPong }));
    }

    /// <summary>Bounce flags counted against acme and evidence-free handoff flags against the store, on their scorecards.</summary>
    private static async Task<(int Bounce, int EvidenceFree)> FlagsAgainstAsync(Marketplace market)
    {
        var cards = (await market.Operator.GetJsonAsync<PartyScorecards>("/api/scorecards/parties")).Parties.ToDictionary(p => p.Party);
        return (cards["acme"].FlagsByRule[RuleIds.Bounce], cards["store"].FlagsByRule[RuleIds.EvidenceFreeHandoff]);
    }
}
