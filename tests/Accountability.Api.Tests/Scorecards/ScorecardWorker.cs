using JasperFx.Events.Daemon;
using Marten;

namespace Accountability.Api.Tests.Scorecards;

/// <summary>
/// The worker of a deployment: a node of the service that runs the projection daemon, which keeps the scorecards. The
/// shared test node, like an API node, does not; tests read through it once the worker has caught up.
/// </summary>
public sealed class ScorecardWorker : IDisposable
{
    private readonly ServiceNode node = new(runScheduler: false,
        settings: new Dictionary<string, string> { ["Accountability:RunProjectionDaemon"] = "true" });

    public IProjectionDaemon Daemon => node.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();

    public IDocumentStore Store => node.Services.GetRequiredService<IDocumentStore>();

    /// <summary>Waits until the daemon has projected every event appended so far.</summary>
    public Task CatchUpAsync() => Daemon.WaitForNonStaleData(TimeSpan.FromSeconds(60));

    public void Dispose() => node.Dispose();
}
