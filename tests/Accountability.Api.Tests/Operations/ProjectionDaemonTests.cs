using JasperFx.Events.Daemon;
using Microsoft.Extensions.Hosting;

namespace Accountability.Api.Tests.Operations;

/// <summary>The worker runs Marten's async projection daemon; API nodes, the same program with the setting off, do not.</summary>
public sealed class ProjectionDaemonTests
{
    [Test]
    public void The_daemon_runs_only_on_the_node_configured_to_run_it()
    {
        using var worker = new ServiceNode(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:RunProjectionDaemon"] = "true" });
        using var api = new ServiceNode(runScheduler: false);

        // The coordinator is the hosted service that starts the daemon's agents (Solo: all of them, on this node).
        Assert.That(worker.Services.GetServices<IHostedService>().OfType<IProjectionCoordinator>().ToList(), Has.Count.EqualTo(1), "the worker");
        Assert.That(worker.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase(), Is.Not.Null);

        Assert.That(api.Services.GetServices<IHostedService>().OfType<IProjectionCoordinator>(), Is.Empty, "an API node");
        Assert.That(api.Services.GetService<IProjectionCoordinator>(), Is.Null);
    }
}
