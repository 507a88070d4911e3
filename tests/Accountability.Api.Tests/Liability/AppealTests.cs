using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Dashboard.ComplaintPage;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Rules;
using Accountability.Api.Tests.StatusPage;
using Accountability.Api.Tests.Webhooks;
using System.Text.Json;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;

namespace Accountability.Api.Tests.Liability;

/// <summary>Appeals of charges (docs/liability.md#appeals), over HTTP. One marketplace: each test files its own complaint.</summary>
[Category("api")]
public sealed class AppealTests
{
    private Marketplace market = null!;

    private static readonly object Resolution = new
    {
        rootCause = "ProductDefect", liableParty = "acme", remedy = "Refunded the order", remedyKind = "Refund", amount = new { amount = 19.99m, currency = "EUR" },
    };

    private static readonly object Appeal = new { statement = "The store's updater crashed the app", evidence = new[] { "crash-log-7781" } };

    [OneTimeSetUp]
    public async Task CreateMarketplace() => market = await Marketplace.CreateAsync();

    /// <summary>A complaint resolved by acme with a remedy that charged acme the whole amount: its path, the charge, its tracking link.</summary>
    private async Task<(string Path, ChargeView Charge, string TrackingLink)> ChargedAsync()
    {
        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", new
        {
            customerReference = "cust-appeal", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Dead on arrival", channel = "Web",
        }, 201);
        var path = $"/api/complaints/{filed.Id}";
        await market.Operator.PostJsonAsync<ComplaintView>($"{path}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/resolution", Resolution);
        return (path, (await market.Operator.GetJsonAsync<ComplaintView>(path)).Charges!.Single(), filed.TrackingLink!);
    }

    [Test]
    public async Task The_charged_party_appeals_and_the_operator_overturns_reversing_and_replacing_the_charge_in_one_write()
    {
        var (path, charge, trackingLink) = await ChargedAsync();
        var appeal = $"{path}/charges/{charge.Id}/appeal";
        var appealed = await market.Acme.PostJsonAsync<ComplaintView>(appeal, Appeal);
        var open = appealed.Charges!.Single().Appeal!;
        Assert.That((open.State, open.Statement, open.Evidence, open.Decision), Is.EqualTo((AppealState.Open, "The store's updater crashed the app",
            (IReadOnlyList<string>)["crash-log-7781"], (AppealDecision?)null)));

        var decided = await market.Operator.PostJsonAsync<ComplaintView>($"{appeal}/decision", new
        {
            outcome = "overturned", reason = "The updater caused it", replacement = new { party = "store", amount = new { amount = 19.99m, currency = "EUR" } },
        });
        Assert.That(decided.Charges!.Select(c => (c.Party.Id, c.Reversal?.Reason, c.Replaces, c.Appeal?.State, c.Appeal?.Decision?.Reason)), Is.EqualTo(new[]
        {
            ("acme", "The updater caused it", (Guid?)null, (AppealState?)AppealState.Overturned, "The updater caused it"),
            (Party.StoreId, (string?)null, charge.Id, null, (string?)null),
        }));
        Assert.That((await market.TimelineAsync(decided.Id)).Select(e => e.Type).TakeLast(4),
            Is.EqualTo(new[] { "charge_appealed", "appeal_decided", "charge_reversed", "charge_created" }));

        var customer = await new Customer(trackingLink).ReadAsync();
        Assert.That(customer, Does.Not.Contain("19.99").And.Not.Contain("updater").And.Not.Contain("crash-log"), "the status page shows nothing of money between parties");
    }

    [Test]
    public async Task An_appeal_is_refused_to_the_operator_for_an_unknown_charge_twice_and_without_a_statement_and_writes_nothing()
    {
        var (path, charge, _) = await ChargedAsync();
        var appeal = $"{path}/charges/{charge.Id}/appeal";
        using (var byOperator = await market.Operator.PostAsync(appeal, Appeal))
            Assert.That((await byOperator.ShouldBeProblemAsync(403, "not-the-charged-party")).Detail, Does.Contain("only the party charged"));
        using (var unknown = await market.Acme.PostAsync($"{path}/charges/{Guid.NewGuid()}/appeal", Appeal))
            await unknown.ShouldBeProblemAsync(404, "unknown-charge");
        using (var empty = await market.Acme.PostAsync(appeal, new { statement = "", evidence = new[] { "log" } }))
            Assert.That((await empty.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { "statement" }));
        var before = (await market.Operator.GetJsonAsync<ComplaintView>(path)).Version;
        Assert.That(before, Is.EqualTo(charge.Version), "the refusals wrote nothing");

        await market.Acme.PostJsonAsync<ComplaintView>(appeal, Appeal);
        using (var again = await market.Acme.PostAsync(appeal, Appeal))
            Assert.That((await again.ShouldBeProblemAsync(409, "appeal-already-made")).Detail, Does.Contain("still open"));
    }

    [Test]
    public async Task The_operator_upholds_once_and_a_vendor_may_not_decide()
    {
        var (path, charge, _) = await ChargedAsync();
        var decision = $"{path}/charges/{charge.Id}/appeal/decision";
        using (var none = await market.Operator.PostAsync(decision, new { outcome = "upheld", reason = "Logs show the app crashed" }))
            await none.ShouldBeProblemAsync(409, "no-open-appeal");
        await market.Acme.PostJsonAsync<ComplaintView>($"{path}/charges/{charge.Id}/appeal", Appeal);
        using (var byVendor = await market.Acme.PostAsync(decision, new { outcome = "overturned", reason = "We say so" }))
            await byVendor.ShouldBeProblemAsync(403, "forbidden");
        using (var noReason = await market.Operator.PostAsync(decision, new { outcome = "upheld", reason = "" }))
            Assert.That((await noReason.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { "reason" }));

        var upheld = await market.Operator.PostJsonAsync<ComplaintView>(decision, new { outcome = "upheld", reason = "Logs show the app crashed" });
        var kept = upheld.Charges!.Single();
        Assert.That((kept.Reversal, kept.Appeal!.State, kept.Appeal.Decision!.Outcome), Is.EqualTo(((ChargeReversal?)null, AppealState.Upheld, AppealOutcome.Upheld)));
        using (var twice = await market.Operator.PostAsync(decision, new { outcome = "overturned", reason = "Changed my mind" }))
            Assert.That((await twice.ShouldBeProblemAsync(409, "no-open-appeal")).Detail, Does.Contain("already upheld"));
    }

    [Test]
    public async Task An_appeal_at_the_windows_edge_is_heard_one_a_second_later_is_refused_and_both_events_go_out_by_webhook()
    {
        await using var storeReceiver = await Receiver.StartAsync();
        await using var acmeReceiver = await Receiver.StartAsync();
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: clock);
        var own = await node.CreateMarketplaceAsync();
        string[] types = [Features.Webhooks.WebhookEventTypes.AppealOpened, Features.Webhooks.WebhookEventTypes.AppealDecided];
        await own.Operator.PostJsonAsync<Features.Webhooks.EndpointWithSecret>("/api/webhooks", new { url = storeReceiver.Url, eventTypes = types }, 201);
        await own.Acme.PostJsonAsync<Features.Webhooks.EndpointWithSecret>("/api/webhooks", new { url = acmeReceiver.Url, eventTypes = types }, 201);
        async Task<string> ChargeAsync()
        {
            var held = await own.FileHeldByAsync("acme");
            await own.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", Resolution);
            var charge = (await own.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}")).Charges!.Single();
            return $"/api/complaints/{held.Id}/charges/{charge.Id}/appeal";
        }
        var (inTime, late) = (await ChargeAsync(), await ChargeAsync());

        clock.Advance(TimeSpan.FromDays(30));
        await own.Acme.PostJsonAsync<ComplaintView>(inTime, Appeal);
        await own.Operator.PostJsonAsync<ComplaintView>($"{inTime}/decision", new { outcome = "overturned", reason = "The updater caused it" });
        clock.Advance(TimeSpan.FromSeconds(1));
        using (var refused = await own.Acme.PostAsync(late, Appeal))
            Assert.That((await refused.ShouldBeProblemAsync(409, "appeal-window-closed")).Detail, Does.Contain("within 30 days"));

        static string Type(Receiver.Received r) => JsonDocument.Parse(r.Body).RootElement.GetProperty("type").GetString()!;
        Assert.That((await storeReceiver.WaitForAsync(2)).Select(Type), Is.EqualTo(new[] { "appeal.opened", "appeal.decided" }));
        var decided = (await acmeReceiver.WaitForAsync(1)).Single();
        var payload = JsonDocument.Parse(decided.Body).RootElement;
        Assert.That((Type(decided), payload.GetProperty("reason").GetString(), payload.GetProperty("data").GetProperty("outcome").GetString()),
            Is.EqualTo(("appeal.decided", "The updater caused it", "Overturned")));
    }

    [Test]
    public async Task The_policy_gives_30_days_by_default_and_refuses_a_window_out_of_range_naming_it()
    {
        Assert.That((await market.Operator.GetJsonAsync<Domain.Rules.Policy>("/api/policy")).AppealWindowDays, Is.EqualTo(30));
        var body = PolicyJson.Editable();
        body["appealWindowDays"] = 366;
        using var response = await market.Operator.SendPutAsync(body);
        Assert.That((await response.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { "appealWindowDays" }));
    }

    [Test]
    public void The_dashboard_timeline_words_appeals_and_decisions()
    {
        var parties = new PartyDirectory([new Party("acme", PartyKind.Vendor, "Acme Apps")]);
        var id = Guid.Parse("0193a1b2-0000-7000-8000-000000000001");
        Assert.That(TimelineText.What(new Domain.Complaints.ChargeAppealed(id, "acme", "Not our crash", ["log-1"], DateTimeOffset.UnixEpoch), parties),
            Is.EqualTo($"appealed charge {id}: “Not our crash”; evidence: log-1"));
        Assert.That(TimelineText.What(new Domain.Complaints.AppealDecided(id, AppealOutcome.Overturned, "The updater did it", "store", DateTimeOffset.UnixEpoch), parties),
            Is.EqualTo($"overturned charge {id} on appeal: “The updater did it”"));
        Assert.That(TimelineText.What(new Domain.Complaints.AppealDecided(id, AppealOutcome.Upheld, "Logs", "store", DateTimeOffset.UnixEpoch), parties),
            Is.EqualTo($"upheld the appeal of charge {id} (the charge stands): “Logs”"));
    }
}
