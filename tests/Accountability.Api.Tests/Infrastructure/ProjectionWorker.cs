using JasperFx.Events.Daemon;
using Marten;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>
/// The worker of a deployment: a node of the service that runs the projection daemon (scorecards, recurring problems).
/// The shared test node, like an API node, does not; tests read through it once the worker has caught up.
/// </summary>
public sealed class ProjectionWorker : IDisposable
{
    private readonly ServiceNode node = new(runScheduler: false,
        settings: new Dictionary<string, string> { ["Accountability:RunProjectionDaemon"] = "true" });

    public IProjectionDaemon Daemon => node.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();

    public IDocumentStore Store => node.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Waits until the daemon has processed every event committed so far.</summary>
    public Task CatchUpAsync() => Daemon.WaitForNonStaleData(TimeSpan.FromSeconds(120));

    /// <summary>Makes the daemon process again every complaint filed after <paramref name="sequence"/>, as a restore or a second worker would.</summary>
    public async Task ReplayFromAsync(long sequence)
    {
        await Daemon.RewindSubscriptionAsync(Features.Problems.RecurringProblemDetector.SubscriptionName, CancellationToken.None, sequence);
        await CatchUpAsync();
    }

    public void Dispose() => node.Dispose();
}
