using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Net;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>
/// The check made on every connection, on a node that allows no private host (the shared node allows 127.0.0.1 for
/// every test): a name that pointed elsewhere when it was registered and resolves to loopback at send time.
/// </summary>
[Category("api")]
public sealed class ConnectionTimeTests
{
    [Test]
    public async Task A_name_that_resolves_to_loopback_at_send_time_is_refused_on_connecting_and_the_attempt_says_why()
    {
        using var target = new ConnectionRecorder();
        var names = new LoopbackNames();
        // The node that registers allows the name, standing in for the public answer it had then; it sends nothing.
        await using var registrar = IsolatedNode.Start(settings: new Dictionary<string, string> { ["Accountability:WebhookAllowedPrivateHosts:0"] = "rebind.test" },
            services: s => s.AddSingleton<IHostResolver>(names));
        await using var sender = IsolatedNode.Start(runWebhooks: true, schema: registrar.Schema,
            services: s => s.AddSingleton<IHostResolver>(names).PostConfigure<WebhookOptions>(o => o.WebhookAllowedPrivateHosts = []));
        Assert.That(sender.Host.Services.GetRequiredService<IOptions<WebhookOptions>>().Value.WebhookAllowedPrivateHosts, Is.Empty);
        var market = await registrar.CreateMarketplaceAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
            new { url = $"http://rebind.test:{target.Port}/hooks", eventTypes = new[] { "complaint.assigned" } }, 201);

        await market.FileHeldByAsync("acme");
        var attempt = await FirstAttemptAsync(market, hook.Endpoint.Id);

        Assert.That(attempt.StatusCode, Is.Null);
        Assert.That(attempt.Error, Does.Contain("rebind.test resolves to 127.0.0.1").And.Contain("(Loopback").And.Contain("not sending there"));
        Assert.That(names.Asked, Does.Contain("rebind.test"));
        Assert.That(target.Connections, Is.Zero, "nothing may connect to the refused address");
    }

    private static async Task<DeliveryAttempt> FirstAttemptAsync(Marketplace market, string endpointId) =>
        (await Eventually.UntilAsync(() => market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{endpointId}/deliveries"),
            log => log.Any(d => d.Attempts.Count > 0), "an attempt at the delivery", TimeSpan.FromSeconds(60))).SelectMany(d => d.Attempts).First();

    /// <summary>Answers every name ending in .test with 127.0.0.1 and no other name: a test can reach nothing else.</summary>
    private sealed class LoopbackNames : IHostResolver
    {
        public ConcurrentQueue<string> Asked { get; } = new();

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
        {
            Asked.Enqueue(host);
            return host.EndsWith(".test", StringComparison.OrdinalIgnoreCase)
                ? Task.FromResult<IPAddress[]>([IPAddress.Loopback])
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
        }
    }
}
