using Accountability.Api.Features.Webhooks;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Tests.Webhooks.Simulation;

/// <summary>
/// One dispatcher node: the real <see cref="WebhookDispatcher"/> on a service node's store and outbox, with the
/// simulation's clock and a short timeout and claim margin, so that a node that dies gives its claims up within seconds.
/// </summary>
public sealed class DispatcherNode : IAsyncDisposable
{
    /// <summary>A timeout a loaded machine does not overrun: an overrun is a request answered that its sender never saw answered.</summary>
    public static readonly WebhookOptions Settings = new()
    {
        RunWebhooks = true, WebhookPollSeconds = 0.05, WebhookTimeoutSeconds = 3, WebhookClaimMarginSeconds = 4,
    };

    private readonly WebhookDispatcher dispatcher;
    private readonly ServiceProvider clients;

    private DispatcherNode(IServiceProvider node, TimeProvider clock)
    {
        var guard = node.GetRequiredService<TargetGuard>();
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookDispatcher.ClientName, c => c.Timeout = TimeSpan.FromSeconds(Settings.WebhookTimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(guard.Handler);
        clients = services.BuildServiceProvider();
        dispatcher = new WebhookDispatcher(node.GetRequiredService<IDocumentStore>(), node.GetRequiredService<DeliveryTable>(),
            node.GetRequiredService<Persistence.TenantDatabases>(), clients.GetRequiredService<IHttpClientFactory>(), clock, Options.Create(Settings),
            node.GetRequiredService<ILoggerFactory>().CreateLogger<WebhookDispatcher>());
    }

    public bool Alive { get; private set; }

    public static async Task<DispatcherNode> StartAsync(IServiceProvider node, TimeProvider clock)
    {
        var started = new DispatcherNode(node, clock);
        await started.dispatcher.StartAsync(CancellationToken.None);
        started.Alive = true;
        return started;
    }

    /// <summary>Claims what is due now; completes when each delivery it claimed has had its attempt.</summary>
    public Task PassAsync() => dispatcher.RunPassNowAsync();

    /// <summary>Dies at once: requests in flight are cut off and outcomes not yet recorded are lost; its claims stay until they lapse.</summary>
    public async Task CrashAsync()
    {
        Alive = false;
        await dispatcher.StopAsync(new CancellationToken(canceled: true));
    }

    public async ValueTask DisposeAsync()
    {
        if (Alive)
            await dispatcher.StopAsync(CancellationToken.None);
        dispatcher.Dispose();
        await clients.DisposeAsync();
    }
}
