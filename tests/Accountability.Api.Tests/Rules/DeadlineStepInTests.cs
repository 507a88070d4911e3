using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Tests.Rules;

/// <summary>
/// The policy's step-in when a holder lets its acknowledgement deadline pass, fired by the scheduler through the one write
/// path: once per missed deadline on any number of nodes, never on a complaint acknowledged or moved in time.
/// </summary>
[Category("api")]
public sealed class DeadlineStepInTests
{
    private const int Complaints = 12;

    [Test]
    public async Task Three_schedulers_move_each_stalled_complaint_to_the_store_once_and_start_the_stores_own_clocks()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var first = IsolatedNode.Start(runScheduler: true, clock: clock);
        await using var second = IsolatedNode.Start(runScheduler: true, clock: clock, schema: first.Schema);
        await using var third = IsolatedNode.Start(runScheduler: true, clock: clock, schema: first.Schema);
        var market = await first.CreateMarketplaceAsync();
        await StepInAfterDeadlinesOfAboutASecondAsync(market);
        var ids = (await Task.WhenAll(Enumerable.Range(0, Complaints).Select(_ => market.FileHeldByAsync("acme")))).Select(c => c.Id).ToList();
        clock.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(first.RunSchedulerPassAsync(), second.RunSchedulerPassAsync(), third.RunSchedulerPassAsync());
        await Task.WhenAll(first.RunSchedulerPassAsync(), second.RunSchedulerPassAsync(), third.RunSchedulerPassAsync());

        foreach (var id in ids)
        {
            var events = await EventsAsync(first, market, id);
            Assert.That(events.OfType<ComplaintTakenOver>().ToList(), Is.EqualTo(new[]
                { new ComplaintTakenOver("acme", "store", TakeOverCause.AcknowledgementMissed, clock.GetUtcNow()) }), $"complaint {id}");
            Assert.That(events.OfType<FlagRaised>().Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.StalledHolder }),
                "acme's resolution clock went with its hold: one flag, for the acknowledgement it missed");
            var view = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
            Assert.That((view.Holder.Id, view.Status), Is.EqualTo(("store", ComplaintStatus.Open)));
        }
        Assert.That(await StalledHolderTests.DueDeadlinesAsync(first, clock.GetUtcNow()), Is.Zero, "the store's own clocks run from the takeover");
        Assert.That(await StalledHolderTests.DueDeadlinesAsync(first, clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(Complaints * 4));

        clock.Advance(TimeSpan.FromMinutes(1));
        await Task.WhenAll(first.RunSchedulerPassAsync(), second.RunSchedulerPassAsync());
        var later = await EventsAsync(first, market, ids[0]);
        Assert.That(later.OfType<ComplaintTakenOver>(), Has.Exactly(1).Items, "the store missing its own deadline stays with the store");
        Assert.That(later.OfType<FlagRaised>().Count(f => f.Rule == RuleIds.StalledHolder), Is.EqualTo(3));
    }

    [Test]
    public async Task A_complaint_acknowledged_or_passed_on_in_time_stays_where_it_is()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runScheduler: true, clock: clock);
        var market = await node.CreateMarketplaceAsync();
        await StepInAfterDeadlinesOfAboutASecondAsync(market);
        var acknowledged = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{acknowledged.Id}/acknowledgement", null);
        var passedOn = await market.FileHeldByAsync("acme");
        clock.Advance(TimeSpan.FromSeconds(0.3));
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{passedOn.Id}/handoffs", new { to = "photon", reason = "WrongParty", evidence = new[] { "order 7" } });
        await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{passedOn.Id}/acknowledgement", null);

        clock.Advance(TimeSpan.FromMinutes(1));
        await node.RunSchedulerPassAsync();

        foreach (var (id, holder) in new[] { (acknowledged.Id, "acme"), (passedOn.Id, "photon") })
        {
            Assert.That((await EventsAsync(node, market, id)).OfType<ComplaintTakenOver>(), Is.Empty);
            Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Holder.Id, Is.EqualTo(holder));
        }
    }

    [Test]
    public async Task A_named_fallback_party_takes_the_complaint_instead_of_the_store()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runScheduler: true, clock: clock);
        var market = await node.CreateMarketplaceAsync();
        await StepInAfterDeadlinesOfAboutASecondAsync(market, fallback: "photon");
        var held = await market.FileHeldByAsync("acme");

        clock.Advance(TimeSpan.FromMinutes(1));
        await node.RunSchedulerPassAsync();

        var view = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}");
        Assert.That((view.Holder.Id, view.Accountable.Id), Is.EqualTo(("photon", "store")), "photon holds it; the escalation keeps the store accountable");
        Assert.That((await market.TimelineAsync(held.Id)).Select(e => e.Type), Does.Contain("complaint_taken_over"));
    }

    /// <summary>Deadlines of about a second (<see cref="StalledHolderTests.UseDeadlinesOfAboutASecondAsync"/>) and the step-in on.</summary>
    private static async Task StepInAfterDeadlinesOfAboutASecondAsync(Marketplace market, string? fallback = null)
    {
        var policy = PolicyJson.Editable();
        foreach (var row in policy["stalledHolder"]!["deadlines"]!.AsArray())
        {
            row!["firstResponseHours"] = 0.5 / 3600;
            row["resolutionHours"] = 1.0 / 3600;
        }
        policy["stepIn"] = new System.Text.Json.Nodes.JsonObject { ["enabled"] = true, ["fallbackParty"] = fallback };
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private static async Task<IReadOnlyList<object>> EventsAsync(IsolatedNode node, Marketplace market, Guid id)
    {
        await using var session = node.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(market.Id);
        return [.. (await session.Events.FetchStreamAsync(id)).Select(e => e.Data)];
    }
}
