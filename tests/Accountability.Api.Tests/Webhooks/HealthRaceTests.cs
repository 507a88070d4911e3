using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>The dispatcher's write of an endpoint's health against an owner's edit made while a request was in flight.</summary>
[Category("api")]
public sealed class HealthRaceTests
{
    [Test]
    public async Task An_owner_who_pauses_an_endpoint_while_a_request_is_in_flight_finds_it_still_paused_after_that_request_fails()
    {
        await using var receiver = await Receiver.StartAsync();
        receiver.AnswerNext(200, delay: TimeSpan.FromSeconds(2)); // past the node's 1 s timeout: the attempt fails
        await using var node = IsolatedNode.Start(runWebhooks: true, clock: new ShiftableClock(standsStill: true));
        var market = await node.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        await market.FileHeldByAsync("acme");
        await receiver.WaitForAsync(1);
        using (var paused = await market.Acme.PutAsync($"/api/webhooks/{hook.Endpoint.Id}", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" }, enabled = false }))
            await paused.ShouldBeAsync<WebhookEndpointView>(200);
        await Eventually.UntilAsync(() => market.Acme.GetJsonAsync<List<Features.Webhooks.Deliveries.DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries"),
            log => log.Single().Attempts.Count == 1, "the failed attempt recorded");

        var endpoint = (await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Single();
        Assert.That((endpoint.Enabled, endpoint.DisabledReason), Is.EqualTo((false, "Paused by its owner.")));
    }
}
