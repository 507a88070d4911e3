using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>Webhooks go straight to their target: through a proxy the connection-time check would vet the proxy instead.</summary>
[Category("api")]
public sealed class ProxyTests
{
    [Test]
    public async Task Deliveries_ignore_the_proxy_the_environment_names_and_reach_the_receiver_directly()
    {
        await using var receiver = await Receiver.StartAsync();
        using var proxy = new ConnectionRecorder();
        var proxyUrl = $"http://127.0.0.1:{proxy.Port}";
        await using var schema = new OwnSchema();
        var url = ServiceProcess.LoopbackUrl();
        var environment = new Dictionary<string, string?>
        {
            ["Accountability__Schema"] = schema.Name,
            ["Accountability__RunScheduler"] = "false",
            ["Accountability__RunWebhooks"] = "true",
            ["Accountability__WebhookPollSeconds"] = "0.1",
            ["Accountability__WebhookAllowedPrivateHosts__0"] = "127.0.0.1",
            ["NO_PROXY"] = null,
            ["no_proxy"] = null,
        };
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy" })
            environment[name] = proxyUrl;
        using var service = ServiceProcess.Start(environment, "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await ServiceProcess.WaitUntilLiveAsync(http);
        var market = await Marketplace.CreateAsync(http);
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        await market.FileHeldByAsync("acme");

        await receiver.WaitForAsync(1, TimeSpan.FromSeconds(60));
        Assert.That(proxy.Connections, Is.Zero, "the proxy was used");
    }
}
