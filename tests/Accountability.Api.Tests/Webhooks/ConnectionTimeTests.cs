using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Setup;
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
        var schema = $"rebind_{Guid.NewGuid():N}"[..20];
        // The node that registers allows the name, standing in for the public answer it had then; it sends nothing.
        var (registrar, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string>
        {
            ["Accountability:Schema"] = schema,
            ["Accountability:WebhookAllowedPrivateHosts:0"] = "rebind.test",
        }, services: s => s.AddSingleton<IHostResolver>(names));
        var (sender, _) = ServiceUnderTest.StartHost(runScheduler: false, runWebhooks: true,
            settings: new Dictionary<string, string> { ["Accountability:Schema"] = schema },
            services: s => s.AddSingleton<IHostResolver>(names).PostConfigure<AccountabilityOptions>(o => o.WebhookAllowedPrivateHosts = []));
        using var http = new HttpClient { BaseAddress = address };
        try
        {
            Assert.That(sender.Services.GetRequiredService<IOptions<AccountabilityOptions>>().Value.WebhookAllowedPrivateHosts, Is.Empty);
            var market = await Marketplace.CreateAsync(http);
            var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
                new { url = $"http://rebind.test:{target.Port}/hooks", eventTypes = new[] { "complaint.assigned" } }, 201);

            await market.FileHeldByAsync("acme");
            var attempt = await FirstAttemptAsync(market, hook.Endpoint.Id);

            Assert.That(attempt.StatusCode, Is.Null);
            Assert.That(attempt.Error, Does.Contain("rebind.test resolves to 127.0.0.1").And.Contain("(Loopback").And.Contain("not sending there"));
            Assert.That(names.Asked, Does.Contain("rebind.test"));
            Assert.That(target.Connections, Is.Zero, "nothing may connect to the refused address");
        }
        finally
        {
            await sender.DisposeAsync();
            await registrar.DisposeAsync();
            await ServiceUnderTest.DropSchemaAsync(schema);
        }
    }

    private static async Task<DeliveryAttempt> FirstAttemptAsync(Marketplace market, string endpointId)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            var log = await market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{endpointId}/deliveries");
            if (log.SelectMany(d => d.Attempts).FirstOrDefault() is { } attempt)
                return attempt;
        }
        Assert.Fail("No delivery was attempted");
        return null!;
    }

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
