using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Microsoft.Extensions.Hosting;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// A node of the service on a schema of its own, with its own client: for a node whose clock runs ahead or that runs the
/// deadline scheduler or the webhook dispatcher, which on the shared schema would act on other tests' rows. The node
/// that made the schema drops it when disposed; further nodes may join it (a restart, a second dispatcher).
/// </summary>
public sealed class IsolatedNode : IAsyncDisposable
{
    private readonly OwnSchema? made;

    private IsolatedNode(ServiceNode host, Uri address, string schema, OwnSchema? made) =>
        (Host, Http, Schema, this.made) = (host, new HttpClient { BaseAddress = address }, schema, made);

    public ServiceNode Host { get; }

    public HttpClient Http { get; }

    public string Schema { get; }

    /// <param name="schema">The schema of a node already started, to join it; by default a new one.</param>
    public static IsolatedNode Start(bool runScheduler = false, bool runWebhooks = false, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string>? settings = null, string? schema = null, Action<IServiceCollection>? services = null)
    {
        var made = schema is null ? new OwnSchema() : null;
        var name = schema ?? made!.Name;
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Accountability:Schema"] = name };
        var (host, address) = ServiceUnderTest.StartHost(runScheduler, runWebhooks, clock, all, services);
        return new IsolatedNode(host, address, name, made);
    }

    /// <summary>A fresh tenant on this node's schema.</summary>
    public Task<Marketplace> CreateMarketplaceAsync() => Marketplace.CreateAsync(Http);

    /// <summary>Makes the deadline scheduler judge what is due now, and returns when that pass has finished.</summary>
    public Task RunSchedulerPassAsync() => Hosted<DeadlineScheduler>().RunPassNowAsync();

    /// <summary>Makes the dispatcher claim what is due now, and returns when each delivery it claimed has had its attempt.</summary>
    public Task RunDispatcherPassAsync() => Hosted<WebhookDispatcher>().RunPassNowAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        if (made is not null)
            await made.DisposeAsync();
    }

    private T Hosted<T>() => Host.Services.GetServices<IHostedService>().OfType<T>().Single();
}
