using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Rules;
using Accountability.Api.Tests.StatusPage;

namespace Accountability.Api.Tests.Scorecards;

/// <summary>
/// A marketplace with a realistic history through the API: fixes first time, bounce-backs, a deflected customer,
/// ping-pong, a cycle, reopens (one a loop), ratings from the status page, a default judgment; half of it before <see cref="Midpoint"/>.
/// </summary>
public sealed class ScorecardScenario
{
    private ScorecardScenario(Marketplace market, DateTimeOffset midpoint, DateTimeOffset end) => (Market, Midpoint, End) = (market, midpoint, end);

    public Marketplace Market { get; }

    /// <summary>A moment between the two halves of the history, with no event near it.</summary>
    public DateTimeOffset Midpoint { get; }

    /// <summary>A moment after the whole history.</summary>
    public DateTimeOffset End { get; }

    /// <param name="clock">The worker's clock, moved on between the halves.</param>
    public static async Task<ScorecardScenario> BuildAsync(ProjectionWorker worker, ShiftableClock clock)
    {
        var m = await worker.CreateMarketplaceAsync();

        // Fixed first time by the vendor, rated 4.
        var fixedOnce = await FileAsync(m, "Photo Pro", "acme", "crash");
        await HandAsync(m.Operator, fixedOnce, "acme", "NeedsVendorFix", "crash-log-1");
        await m.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{fixedOnce.Id}/acknowledgement", null);
        // Refunded at acme's cost; acme appeals and the operator overturns it (an appeal won), charging no one instead.
        var fixedView = await m.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{fixedOnce.Id}/resolution", new
        {
            rootCause = "ProductDefect", liableParty = "acme", remedy = "Fixed", remedyKind = "Refund", amount = new { amount = 10m, currency = "EUR" },
        });
        var acmeAppeal = $"/api/complaints/{fixedOnce.Id}/charges/{fixedView.Charges!.Single().Id}/appeal";
        await m.Acme.PostJsonAsync<ComplaintView>(acmeAppeal, new { statement = "The store's updater broke it", evidence = new[] { "crash-log-1" } });
        await m.Operator.PostJsonAsync<ComplaintView>($"{acmeAppeal}/decision", new { outcome = "overturned", reason = "The updater caused it" });
        await RateAsync(worker, fixedOnce, 4);

        // Bounced back to the store, resolved, reopened by the operator, resolved again, rated 2.
        var billing = await FileAsync(m, "Photo Pro", "acme", "billing");
        await HandAsync(m.Operator, billing, "acme", "NeedsVendorFix", "invoice-9");
        await HandAsync(m.Acme, billing, "store", "NeedsStoreAction", "invoice-9");
        await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{billing.Id}/acknowledgement", null);
        await ResolveAsync(m.Operator, billing, "Billing", "store");
        await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{billing.Id}/reopening", new { reason = "Charged twice again" });
        await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{billing.Id}/acknowledgement", null);
        await ResolveAsync(m.Operator, billing, "Billing", "store");
        await RateAsync(worker, billing, 2);

        // The vendor tells the customer to ask another vendor (a deflection flag), then fixes it.
        var deflected = await FileAsync(m, "Lens Kit", "photon", "hardware");
        await HandAsync(m.Operator, deflected, "photon", "NeedsVendorFix", "photo-1");
        await m.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{deflected.Id}/customer-redirections", new { redirectedTo = "acme", message = "Ask Acme" });
        await m.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{deflected.Id}/acknowledgement", null);
        // Refunded, the cost split 70/30 between photon and acme; acme's share then reversed and charged to the store instead.
        var refunded = await m.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{deflected.Id}/resolution", new
        {
            rootCause = "Delivery", liableParty = "photon", remedy = "Refunded", remedyKind = "Refund", amount = new { amount = 19.99m, currency = "EUR" },
            bearers = new[] { new { party = "photon", basisPoints = 7000 }, new { party = "acme", basisPoints = 3000 } },
        });
        var acmeShare = (await m.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{refunded.Id}")).Charges!.Single(c => c.Party.Id == "acme");
        await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{refunded.Id}/charges/{acmeShare.Id}/reversal",
            new { reason = "The courier was the store's", replacement = new { party = "store", amount = new { amount = 6m, currency = "EUR" } } });

        var photonAppeal = $"/api/complaints/{refunded.Id}/charges/{refunded.Charges!.Single(c => c.Party.Id == "photon").Id}/appeal";
        await m.Photon.PostJsonAsync<ComplaintView>(photonAppeal, new { statement = "The parcel was lost in transit", evidence = Array.Empty<string>() });

        var midpoint = clock.GetUtcNow().AddMinutes(1);
        clock.Advance(TimeSpan.FromMinutes(2));

        // Photon's appeal is upheld after the midpoint: an appeal lost, dated as the decision.
        await m.Operator.PostJsonAsync<ComplaintView>($"{photonAppeal}/decision", new { outcome = "upheld", reason = "The courier was photon's" });

        // Ping-pong between the store and the vendor, one handoff without evidence; left open with the vendor.
        var pingPong = await FileAsync(m, "Lens Kit", "photon", "crash");
        await HandAsync(m.Operator, pingPong, "photon", "NeedsVendorFix", "log-2");
        await HandAsync(m.Photon, pingPong, "store", "WrongParty");
        await HandAsync(m.Operator, pingPong, "photon", "NeedsVendorFix", "log-3");

        // A cycle: store, acme, photon and back to the store, which acknowledges it and keeps it.
        var cycle = await FileAsync(m, "Photo Pro", "acme", "crash");
        await HandAsync(m.Operator, cycle, "acme", "NeedsVendorFix", "log-4");
        await HandAsync(m.Acme, cycle, "photon", "NotOurComponent", "trace-5");
        await HandAsync(m.Photon, cycle, "store", "NeedsStoreAction", "trace-6");
        await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{cycle.Id}/acknowledgement", null);

        // Reopened twice: a reopen loop, on the store's watch.
        var loop = await FileAsync(m, "Photo Pro", "acme", "setup");
        for (var round = 0; round < 2; round++)
        {
            await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{loop.Id}/acknowledgement", null);
            await ResolveAsync(m.Operator, loop, "CustomerError", "store");
            await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{loop.Id}/reopening", new { reason = "Still cannot set it up" });
        }

        // Acme misses the evidence it was asked for and loses by default judgment: the store resolves it, acme is found liable
        // (no claim, so no charge).
        var policy = PolicyJson.Editable();
        policy["evidenceMissed"]!["missedDecidesLiability"] = true;
        using (var put = await m.Operator.SendPutAsync(policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200), await put.Content.ReadAsStringAsync());
        var silent = await FileAsync(m, "Photo Pro", "acme", "billing");
        await HandAsync(m.Operator, silent, "acme", "NeedsVendorFix", "invoice-12");
        await m.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{silent.Id}/evidence-requests",
            new { party = "acme", reason = "Charged twice", needed = "The invoices", dueBy = clock.GetUtcNow().AddMinutes(1) });

        // Filed and not yet touched.
        await FileAsync(m, "Photo Pro", "acme", "crash");
        clock.Advance(TimeSpan.FromMinutes(2));
        await worker.RunSchedulerPassAsync();
        Assert.That((await m.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{silent.Id}")).Status, Is.EqualTo(Domain.Complaints.ComplaintStatus.Resolved), "judged by default");
        clock.Advance(TimeSpan.FromMinutes(2));
        return new ScorecardScenario(m, midpoint, clock.GetUtcNow().AddMinutes(-1));
    }

    private static async Task<ComplaintView> FileAsync(Marketplace m, string product, string vendor, string category) =>
        await m.Operator.PostJsonAsync<ComplaintView>("/api/complaints", new
        {
            customerReference = $"cust-{Guid.NewGuid():N}"[..12], product, vendorId = vendor, category, description = "It broke", channel = "Web",
        }, 201);

    private static Task<ComplaintView> HandAsync(ApiClient holder, ComplaintView complaint, string to, string reason, string? evidence = null) =>
        holder.PostJsonAsync<ComplaintView>($"/api/complaints/{complaint.Id}/handoffs",
            new { to, reason, note = "Over to you", evidence = evidence is null ? Array.Empty<string>() : [evidence] });

    private static Task<ComplaintView> ResolveAsync(ApiClient holder, ComplaintView complaint, string rootCause, string liableParty) =>
        holder.PostJsonAsync<ComplaintView>($"/api/complaints/{complaint.Id}/resolution", new { rootCause, liableParty, remedy = "Fixed" });

    private static async Task RateAsync(ProjectionWorker worker, ComplaintView complaint, int stars)
    {
        using var rated = await new Customer(complaint.TrackingLink!, worker.BaseAddress).SendAsync("rating", new() { ["stars"] = stars.ToString() });
        Assert.That((int)rated.StatusCode, Is.EqualTo(303), "the rating form");
    }
}
