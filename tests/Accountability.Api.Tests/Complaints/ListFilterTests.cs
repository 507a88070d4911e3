using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Dashboard;
using Accountability.Api.Tests.Infrastructure;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Complaints;

/// <summary>The list's filters on flags, escalation, the accountable party and due clocks; each bad parameter refused by name.</summary>
[Category("api")]
public sealed class ListFilterTests
{
    [Test]
    public async Task Filters_by_any_flag_and_by_the_rule_of_a_flag()
    {
        var market = await Marketplace.CreateAsync();
        var pingPong = await DashboardVisitor.PingPongAsync(market);
        var plain = await market.FileAsync();

        Assert.That(await IdsAsync(market.Operator, "flagged=true"), Is.EqualTo(new[] { pingPong.Id }));
        Assert.That(await IdsAsync(market.Operator, "flagged=ping-pong"), Is.EqualTo(new[] { pingPong.Id }));
        Assert.That(await IdsAsync(market.Operator, "flagged=cycle"), Is.Empty);
        Assert.That(await IdsAsync(market.Operator, "flagged=false"), Is.EqualTo(new[] { plain.Id }));
    }

    [Test]
    public async Task Filters_by_escalation_and_by_the_accountable_party()
    {
        var market = await Marketplace.CreateAsync();
        var escalated = await DashboardVisitor.PingPongAsync(market);
        var atAcme = await market.FileHeldByAsync("acme");
        var atStore = await market.FileAsync();
        Assert.That(escalated.Escalation, Is.Not.Null, "the ping-pong made the store accountable");

        Assert.That(await IdsAsync(market.Operator, "escalated=true"), Is.EqualTo(new[] { escalated.Id }));
        Assert.That(await IdsAsync(market.Operator, "escalated=false"), Is.EqualTo(new[] { atStore.Id, atAcme.Id }));
        Assert.That(await IdsAsync(market.Operator, "accountable=acme"), Is.EqualTo(new[] { atAcme.Id }));
        Assert.That(await IdsAsync(market.Operator, "accountable=store"), Is.EqualTo(new[] { atStore.Id, escalated.Id }));
        Assert.That(await IdsAsync(market.Operator, "holder=acme&accountable=store"), Is.EqualTo(new[] { escalated.Id }), "held by Acme, answered for by the store");
    }

    [Test]
    public async Task Filters_overdue_complaints_and_those_due_before_a_time()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        var late = await market.FileAsync();
        clock.Advance(TimeSpan.FromHours(10));
        var fresh = await market.FileAsync();
        var waiting = await market.FileAsync();
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{waiting.Id}/information-requests", new { question = "Which version?" });
        var now = clock.GetUtcNow();

        Assert.That(await IdsAsync(market.Operator, "overdue=true"), Is.EqualTo(new[] { late.Id }), "the store's first response was due after 8 hours");
        Assert.That(await IdsAsync(market.Operator, "overdue=false"), Is.EquivalentTo(new[] { waiting.Id, fresh.Id }));
        Assert.That(await IdsAsync(market.Operator, $"dueBefore={Time(now.AddHours(1))}"), Is.EqualTo(new[] { late.Id }));
        Assert.That(await IdsAsync(market.Operator, $"dueBefore={Time(now.AddHours(9))}"), Is.EqualTo(new[] { fresh.Id, late.Id }),
            "a paused clock falls due at no time");
        Assert.That(await IdsAsync(market.Operator, $"overdue=false&dueBefore={Time(now.AddHours(9))}"), Is.EqualTo(new[] { fresh.Id }));
    }

    [Test]
    public async Task A_vendor_filtering_sees_only_its_own_complaints()
    {
        var market = await Marketplace.CreateAsync();
        var acmes = await DashboardVisitor.PingPongAsync(market);
        var photons = await market.FileAsync("photon");
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{photons.Id}/handoffs", new { to = "photon", reason = "NeedsVendorFix" });
        await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{photons.Id}/handoffs", new { to = "store", reason = "NeedsStoreAction" });
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{photons.Id}/handoffs", new { to = "photon", reason = "NeedsVendorFix" });

        Assert.That(await IdsAsync(market.Operator, "flagged=true"), Is.EquivalentTo(new[] { acmes.Id, photons.Id }));
        Assert.That(await IdsAsync(market.Acme, "flagged=true"), Is.EqualTo(new[] { acmes.Id }));
        Assert.That(await IdsAsync(market.Acme, "accountable=store"), Is.EqualTo(new[] { acmes.Id }));
        Assert.That(await IdsAsync(market.Photon, "escalated=true"), Is.EqualTo(new[] { photons.Id }));
    }

    [Test]
    public async Task Pages_through_a_filtered_list_with_a_cursor()
    {
        var market = await Marketplace.CreateAsync();
        var held = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            held.Add((await market.FileHeldByAsync("acme")).Id);
            await market.FileAsync();
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await market.Operator.GetJsonAsync<ListResponse>($"/api/complaints?accountable=acme&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Items.Select(c => c.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(Enumerable.Reverse(held)));
    }

    [TestCase("flaged=true", "flaged")]
    [TestCase("flagged=maybe", "flagged")]
    [TestCase("flagged=pingpong", "flagged")]
    [TestCase("escalated=sometimes", "escalated")]
    [TestCase("accountable=Not%20a%20party", "accountable")]
    [TestCase("overdue=soon", "overdue")]
    [TestCase("dueBefore=tomorrow", "dueBefore")]
    public async Task A_bad_filter_is_refused_naming_it(string query, string parameter)
    {
        var market = await Marketplace.CreateAsync();

        using var response = await market.Operator.GetAsync($"/api/complaints?limit=10&{query}");

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { parameter }).Using((IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase));
    }

    private static string Time(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O"));

    private static async Task<IReadOnlyList<Guid>> IdsAsync(ApiClient client, string query) =>
        [.. (await client.GetJsonAsync<ListResponse>($"/api/complaints?{query}")).Items.Select(c => c.Id)];
}
