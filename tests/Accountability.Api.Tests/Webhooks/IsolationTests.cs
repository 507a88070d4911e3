using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>What one endpoint's trouble, or a second dispatching node, must not do to everyone else's deliveries.</summary>
[Category("slow")]
public sealed class IsolationTests
{
    [Test]
    public async Task A_slow_endpoint_gets_a_few_requests_at_a_time_and_never_holds_up_another_vendor()
    {
        await using var slow = await Receiver.StartAsync();
        await using var fast = await Receiver.StartAsync();
        const int backlog = 40;
        for (var i = 0; i < backlog; i++)
            slow.AnswerNext(200, delay: TimeSpan.FromMilliseconds(1500));
        await using var api = IsolatedNode.Start();
        var market = await api.CreateMarketplaceAsync();
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = slow.Url, eventTypes = new[] { "complaint.assigned" } }, 201);
        await market.Photon.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = fast.Url, eventTypes = new[] { "complaint.assigned" } }, 201);
        await Task.WhenAll(Enumerable.Range(0, backlog).Select(_ => market.FileHeldByAsync("acme")));
        await using var node = IsolatedNode.Start(runWebhooks: true, schema: api.Schema, services: Patient);
        await slow.WaitForAsync(1);

        await market.FileHeldByAsync("photon");
        var photon = (await fast.WaitForAsync(1)).Single();

        // Behind acme's backlog (40 answers of 1.5 s, 8 at a time), photon would arrive after the last of acme's requests.
        Assert.That(slow.Requests.Count(r => r.At < photon.At), Is.LessThan(backlog), "photon waited for acme's slow endpoint");
        await slow.WaitForAsync(backlog, TimeSpan.FromSeconds(30));
        Assert.That(slow.MostAtOnce, Is.InRange(2, WebhookDispatcher.PerEndpoint));
    }

    [Test]
    public async Task Two_dispatching_nodes_send_each_delivery_once_and_in_order_per_complaint()
    {
        await using var receiver = await Receiver.StartAsync();
        await using var first = IsolatedNode.Start(runWebhooks: true, services: Patient);
        await using var second = IsolatedNode.Start(runWebhooks: true, schema: first.Schema, services: Patient);
        var market = await first.CreateMarketplaceAsync();
        var types = new[] { "complaint.assigned", "complaint.flagged", "complaint.escalated" };
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = types }, 201);

        // Each complaint makes three deliveries in a row: handed to acme, then flagged and escalated for deflecting the customer.
        const int complaints = 30;
        await Task.WhenAll(Enumerable.Range(0, complaints).Select(async _ =>
        {
            var held = await market.FileHeldByAsync("acme");
            await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store" });
        }));
        var received = await receiver.WaitForAsync(complaints * 3, TimeSpan.FromSeconds(30));
        await Eventually.UntilAsync(() => market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries"),
            all => all.Count == complaints * 3 && all.All(d => d.Status == DeliveryStatus.Delivered), "every delivery recorded as delivered");
        await Task.WhenAll(first.RunDispatcherPassAsync(), second.RunDispatcherPassAsync());

        var log = await market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries");
        Assert.That(log.Where(d => d.Attempts.Count > 1).SelectMany(d => d.Attempts).Select(a => $"{a.At:O} {a.StatusCode} {a.Error}"), Is.Empty,
            "a delivery was attempted more than once");
        Assert.That(receiver.Requests, Has.Count.EqualTo(complaints * 3), "a delivery was sent twice");

        Assert.That(receiver.Requests.Select(r => r.Id).Distinct().Count(), Is.EqualTo(receiver.Requests.Count), "a delivery was sent twice");
        foreach (var complaint in received.Select(r => JsonDocument.Parse(r.Body).RootElement).GroupBy(p => p.GetProperty("complaintId").GetGuid()))
            Assert.That(complaint.Select(p => p.GetProperty("type").GetString()), Is.EqualTo(types), $"order for complaint {complaint.Key}");
    }

    /// <summary>
    /// A send that a busy machine slows past the test nodes' one-second timeout is retried, as it should be, and the
    /// receiver then counts one more request (at once, or twice). A generous timeout leaves only what these tests look for.
    /// </summary>
    private static void Patient(IServiceCollection services) =>
        services.PostConfigure<WebhookOptions>(o => o.WebhookTimeoutSeconds = 30);
}
