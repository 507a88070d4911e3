using System.Text.Json.Nodes;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Rules;
using Accountability.Api.Tests.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Accountability.Domain.Rules;
using WhatIfResponse = Accountability.Api.Features.Policies.WhatIf.Response;

namespace Accountability.Api.Tests.Liability;

/// <summary>
/// Default judgment over HTTP (docs/liability.md#default-judgment): two schedulers on one schema and a clock moved by hand;
/// one marketplace with the policy on, one with the default policy (off). Each test files complaints of its own.
/// </summary>
[Category("api")]
public sealed class DefaultJudgmentTests
{
    private static readonly Money Claim = new(19.99m, "EUR");
    private readonly ShiftableClock clock = new(standsStill: true);
    private IsolatedNode node = null!, other = null!;
    private Marketplace judging = null!, off = null!;
    private string acmeHook = "", storeHook = "";

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The schedulers pass only when a test asks them to.
        Action<IServiceCollection> rarely = s => s.PostConfigure<DeadlineOptions>(o => o.DeadlinePollSeconds = TimeSpan.FromHours(1).TotalSeconds);
        node = IsolatedNode.Start(runScheduler: true, clock: clock, services: rarely);
        other = IsolatedNode.Start(runScheduler: true, clock: clock, schema: node.Schema, services: rarely);
        (judging, off) = (await node.CreateMarketplaceAsync(), await node.CreateMarketplaceAsync());
        await PutPolicyAsync(judging, JudgingPolicy());
        await PutPolicyAsync(off, HourDeadlines());
        string[] types = [WebhookEventTypes.ChargeCreated];
        acmeHook = (await judging.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = "http://127.0.0.1:9/acme", eventTypes = types }, 201)).Endpoint.Id;
        storeHook = (await judging.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = "http://127.0.0.1:9/store", eventTypes = types }, 201)).Endpoint.Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await other.DisposeAsync();
        await node.DisposeAsync();
    }

    /// <summary>An hour to acknowledge, two to resolve; a missed acknowledgement escalates (the default).</summary>
    private static JsonObject HourDeadlines() => PolicyJson.WithDeadlines(TimeSpan.FromHours(1), TimeSpan.FromHours(2), escalates: true);

    private static JsonObject JudgingPolicy()
    {
        var policy = HourDeadlines();
        policy["defaultJudgment"] = new JsonObject { ["enabled"] = true, ["remedyKind"] = "Refund" };
        policy["defaultClaim"] = new JsonObject { ["amount"] = Claim.Amount, ["currency"] = Claim.Currency };
        return policy;
    }

    [Test]
    public async Task A_holder_silent_past_its_resolution_deadline_on_an_escalated_complaint_is_charged_once_by_the_stores_resolution()
    {
        var held = await judging.FileAsync();
        await judging.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        clock.Advance(TimeSpan.FromHours(3));

        for (var i = 0; i < 2; i++)
            await Task.WhenAll(node.RunSchedulerPassAsync(), other.RunSchedulerPassAsync());

        var view = await judging.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}");
        Assert.That((view.Status, view.Accountable.Id), Is.EqualTo((ComplaintStatus.Resolved, "store")));
        var charge = view.Charges!.Single();
        Assert.That((charge.Party.Id, charge.Amount, charge.Cause), Is.EqualTo(("acme", Claim, ChargeCause.Remedy)));
        var timeline = await judging.TimelineAsync(held.Id);
        Assert.That(timeline.Select(e => e.Type).Where(t => t is "complaint_resolved" or "charge_created"), Is.EqualTo(new[] { "complaint_resolved", "charge_created" }),
            "judged once by two schedulers");
        var resolved = timeline.Single(e => e.Type == "complaint_resolved");
        Assert.That(resolved.By, Is.EqualTo("store"));
        Assert.That(resolved.Data.ToString(), Does.Contain("\"cause\":\"ResolutionMissed\"").And.Contain("\"liableParty\":\"acme\""));
        foreach (var (client, hook) in new[] { (judging.Acme, acmeHook), (judging.Operator, storeHook) })
            Assert.That(await DeliveredAsync(client, hook, held.Id), Is.EqualTo(new[] { WebhookEventTypes.ChargeCreated }));

        var page = await new Customer(held.TrackingLink!, node.Http.BaseAddress).ReadAsync();
        Assert.That(page, Does.Contain("Test Store marked it as resolved.").And.Not.Contain("19.99").And.Not.Contain("Default judgment"),
            "the customer sees the store resolved it, never the money between the parties");

        var appealed = await judging.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/charges/{charge.Id}/appeal",
            new { statement = "The customer's order was never ours", evidence = new[] { "order-7" } });
        Assert.That(appealed.Charges!.Single().Appeal!.State, Is.EqualTo(AppealState.Open), "the charged party appeals it like any charge");
    }

    [Test]
    public async Task Off_by_default_the_missed_deadlines_only_flag_and_what_if_shows_what_the_policy_would_have_charged()
    {
        var from = clock.GetUtcNow();
        var held = await off.FileHeldByAsync("acme");
        clock.Advance(TimeSpan.FromHours(3));
        await node.RunSchedulerPassAsync();

        var view = await off.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}");
        Assert.That((view.Status, view.Charges), Is.EqualTo((ComplaintStatus.Open, (IReadOnlyList<ChargeView>?)null)).Or.EqualTo((ComplaintStatus.Open, Array.Empty<ChargeView>())));
        Assert.That(view.Flags!.Count(f => f.Rule == RuleIds.StalledHolder), Is.EqualTo(2), "the acknowledgement and the resolution missed, flagged");

        var body = new JsonObject { ["candidate"] = JudgingPolicy(), ["from"] = from.ToString("O"), ["to"] = clock.GetUtcNow().ToString("O") };
        var whatIf = await off.Operator.PostJsonAsync<WhatIfResponse>("/api/policy/what-if", body);
        Assert.That(whatIf.Judgments.Current, Is.Empty);
        var total = whatIf.Judgments.Candidate.Single();
        Assert.That((total.Party, total.Cause, total.Count), Is.EqualTo(("acme", JudgmentCause.ResolutionMissed, 1)));
        Assert.That(total.Charged, Is.EqualTo(new Dictionary<string, decimal> { ["EUR"] = 19.99m }));
    }

    [TestCase("remedyKind", "Gift")]
    [TestCase("remedyKind", null)]
    [TestCase("enabled", null)]
    public async Task A_bad_default_judgment_setting_is_refused_naming_it(string setting, string? value)
    {
        var body = JudgingPolicy();
        var settings = body["defaultJudgment"]!.AsObject();
        if (value is null)
            settings.Remove(setting);
        else
            settings[setting] = value;
        var version = (await off.Operator.GetJsonAsync<Policy>("/api/policy")).Version;
        using var response = await off.Operator.SendPutAsync(body);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(string.Join(" ", problem.Errors!.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), Does.Contain("defaultJudgment").And.Contain(setting));
        Assert.That((await off.Operator.GetJsonAsync<Policy>("/api/policy")).Version, Is.EqualTo(version), "nothing written");
    }

    [Test]
    public void The_dashboards_timeline_says_it_was_a_default_judgment_and_why()
    {
        var parties = new Domain.Parties.PartyDirectory([new Domain.Parties.Party("acme", Domain.Parties.PartyKind.Vendor, "Acme Apps")]);
        var due = new DateTimeOffset(2026, 3, 7, 9, 0, 0, TimeSpan.Zero);
        var resolved = new ComplaintResolved("store", RootCause.Unknown, "acme", "Default judgment", due, new RemedyTerms(RemedyKind.Refund, Claim),
            new DefaultJudgment("acme", JudgmentCause.ResolutionMissed, due));
        Assert.That(Features.Dashboard.ComplaintPage.TimelineText.What(resolved, parties), Is.EqualTo(
            "resolved it: root cause Unknown, liable Acme Apps, remedy “Default judgment” (refund, EUR 19.99), by default judgment: Acme Apps let its resolution deadline (2026-03-07 09:00 UTC) pass on the escalated complaint"));
        Assert.That(Features.Dashboard.ComplaintPage.TimelineText.What(resolved with { Judgment = new DefaultJudgment("acme", JudgmentCause.EvidenceMissed, due) }, parties),
            Does.EndWith(", by default judgment: Acme Apps did not give the evidence asked for by 2026-03-07 09:00 UTC"));
    }

    private static async Task PutPolicyAsync(Marketplace market, JsonObject policy)
    {
        using var response = await market.Operator.SendPutAsync(policy);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private static async Task<IReadOnlyList<string>> DeliveredAsync(ApiClient party, string hook, Guid complaint) =>
        [.. (await party.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook}/deliveries")).Where(d => d.ComplaintId == complaint)
            .OrderBy(d => d.ComplaintVersion).Select(d => d.EventType)];
}
