using System.Text.Json;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks.Simulation;
using Marten;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>A disabled endpoint's deliveries wait where they are, unclaimed, and go out in order once it is enabled again.</summary>
[Category("api")]
public sealed class ParkedDeliveryTests
{
    [Test]
    public async Task A_disabled_endpoints_deliveries_are_not_claimed_and_resume_in_order_when_it_is_enabled_again()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: new ShiftableClock(standsStill: true));
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);
        await SetEnabledAsync(market, hook.Endpoint.Id, receiver.Url, enabled: false);

        var outbox = new Outbox(node.Host.Services.GetRequiredService<IDocumentStore>(), market.Id);
        var complaint = Guid.NewGuid();
        var queuedAt = DateTimeOffset.UtcNow.AddMinutes(-1);
        var ids = Enumerable.Range(1, 4).Select(v => $"msg_parked_{v}").ToArray();
        await outbox.SeedAsync(ids.Select((id, i) => (id, hook.Endpoint.Id, complaint, (long)i + 1)), queuedAt);
        await node.RunDispatcherPassAsync();
        await node.RunDispatcherPassAsync();

        Assert.That(receiver.Requests, Is.Empty);
        foreach (var id in ids)
            Assert.That(await outbox.ClaimOfAsync(id), Is.EqualTo((false, queuedAt)).Using<(bool, DateTimeOffset)>(SameToTheMillisecond),
                $"{id} is neither claimed nor pushed back");

        await SetEnabledAsync(market, hook.Endpoint.Id, receiver.Url, enabled: true);
        var arrived = await receiver.WaitForAsync(ids.Length);
        Assert.That(arrived.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("version").GetInt64()), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
    }

    private static bool SameToTheMillisecond((bool, DateTimeOffset) a, (bool, DateTimeOffset) b) =>
        a.Item1 == b.Item1 && (a.Item2 - b.Item2).Duration() < TimeSpan.FromMilliseconds(1);

    private static async Task SetEnabledAsync(Marketplace market, string id, string url, bool enabled)
    {
        using var response = await market.Acme.PutAsync($"/api/webhooks/{id}", new { url, eventTypes = new[] { "complaint.assigned" }, enabled });
        await response.ShouldBeAsync<WebhookEndpointView>(200);
    }
}
