using JasperFx.Events.Daemon;
using Marten;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// The worker of a deployment: a node of the service that runs the projection daemon (scorecards, recurring problems),
/// on a schema of its own, so that no two daemons work one schema and a rebuild or a replay touches only this one.
/// Tests make their tenants through it and read once it has caught up.
/// </summary>
/// <param name="schema">A schema that a service process has filled, to work on instead of a new one.</param>
/// <param name="runScheduler">Runs the deadline scheduler too, for a history with default judgments.</param>
public sealed class ProjectionWorker(TimeProvider? clock = null, string? schema = null, bool runScheduler = false) : IAsyncDisposable
{
    private readonly IsolatedNode node = IsolatedNode.Start(runScheduler,
        clock: clock, settings: new Dictionary<string, string> { ["Accountability:RunProjectionDaemon"] = "true" }, schema: schema);

    public Uri BaseAddress => node.Http.BaseAddress!;

    public IProjectionDaemon Daemon => node.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();

    public IDocumentStore Store => node.Host.Services.GetRequiredService<IDocumentStore>();

    public IServiceProvider Services => node.Host.Services;

    /// <summary>A fresh tenant on the worker's schema.</summary>
    public Task<Marketplace> CreateMarketplaceAsync() => node.CreateMarketplaceAsync();

    /// <summary>Makes the deadline scheduler judge what is due now (a worker started with <c>runScheduler</c>).</summary>
    public Task RunSchedulerPassAsync() => node.RunSchedulerPassAsync();

    /// <summary>Waits until the daemon has processed every event committed so far.</summary>
    public Task CatchUpAsync() => Daemon.WaitForNonStaleData(TimeSpan.FromSeconds(120));

    /// <summary>Makes the daemon process again every complaint filed after <paramref name="sequence"/>, as a restore or a second worker would.</summary>
    public async Task ReplayFromAsync(long sequence)
    {
        await Daemon.RewindSubscriptionAsync(Features.RecurringProblems.RecurringProblemDetector.SubscriptionName, CancellationToken.None, sequence);
        await CatchUpAsync();
    }

    public ValueTask DisposeAsync() => node.DisposeAsync();
}
