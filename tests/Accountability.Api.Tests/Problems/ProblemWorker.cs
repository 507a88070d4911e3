using JasperFx.Events.Daemon;

namespace Accountability.Api.Tests.Problems;

/// <summary>
/// The projection daemon that opens recurring problems: the shared node's when it runs one, else a worker node of the
/// tests' own on the same database, as a deployment runs one worker beside its API nodes.
/// </summary>
public sealed class ProblemWorker : IDisposable
{
    private readonly ServiceNode? node;
    private readonly IProjectionCoordinator coordinator;

    private ProblemWorker(ServiceNode? node, IProjectionCoordinator coordinator) => (this.node, this.coordinator) = (node, coordinator);

    public static ProblemWorker Start()
    {
        if (ServiceUnderTest.Services.GetService<IProjectionCoordinator>() is { } shared)
            return new ProblemWorker(null, shared);
        var worker = new ServiceNode(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:RunProjectionDaemon"] = "true" });
        return new ProblemWorker(worker, worker.Services.GetRequiredService<IProjectionCoordinator>());
    }

    /// <summary>Waits until the daemon has processed every event committed so far.</summary>
    public Task CatchUpAsync() => coordinator.DaemonForMainDatabase().WaitForNonStaleData(TimeSpan.FromSeconds(120));

    /// <summary>Makes the daemon process again every complaint filed after <paramref name="sequence"/>, as a restore or a second worker would.</summary>
    public async Task ReplayFromAsync(long sequence)
    {
        await coordinator.DaemonForMainDatabase().RewindSubscriptionAsync(Features.Problems.RecurringProblemDetector.SubscriptionName, CancellationToken.None, sequence);
        await CatchUpAsync();
    }

    public void Dispose() => node?.Dispose();
}
