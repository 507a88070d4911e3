using Accountability.Api.Tests.Infrastructure;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Microsoft.Extensions.Hosting;

namespace Accountability.Api.Tests.Operations;

/// <summary>
/// The worker runs Marten's async projection daemon; API nodes, the same program with the setting off, do not. Both
/// nodes here carry an async projection of the test's own, as a deployment's nodes share their configuration.
/// </summary>
[Category("api")]
public sealed class ProjectionDaemonTests
{
    [Test]
    public async Task Only_the_node_configured_to_run_the_daemon_runs_async_projections()
    {
        await using var schema = new OwnSchema();
        using var worker = new ServiceNode(runScheduler: false, services: WithEventsSeen,
            settings: new Dictionary<string, string> { ["Accountability:RunProjectionDaemon"] = "true", ["Accountability:Schema"] = schema.Name });
        using var api = new ServiceNode(runScheduler: false, services: WithEventsSeen,
            settings: new Dictionary<string, string> { ["Accountability:Schema"] = schema.Name });

        Assert.That(api.Services.GetServices<IHostedService>().OfType<IProjectionCoordinator>(), Is.Empty, "an API node");
        Assert.That(api.Services.GetService<IProjectionCoordinator>(), Is.Null);

        var daemon = worker.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var market = await Marketplace.CreateAsync(api.CreateClient());
        var filed = await market.FileAsync();
        await daemon.WaitForNonStaleData(TimeSpan.FromSeconds(30));
        Assert.That(daemon.IsRunning, Is.True, "the worker's daemon");
        await using var query = worker.Services.GetRequiredService<IDocumentStore>().QuerySession(market.Id);
        Assert.That((await query.LoadAsync<EventsSeen>(filed.Id))?.Count, Is.EqualTo(filed.Version), "the worker projected the complaint's events");
    }

    private static void WithEventsSeen(IServiceCollection services) => services.ConfigureMarten(opts =>
    {
        opts.Projections.Add<EventsSeenProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<EventsSeen>().MultiTenanted();
    });

    public sealed record EventsSeen(Guid Id, long Count);

    public sealed class EventsSeenProjection : SingleStreamProjection<EventsSeen, Guid>
    {
        public override EventsSeen Evolve(EventsSeen? snapshot, Guid id, IEvent e) => new(id, (snapshot?.Count ?? 0) + 1);
    }
}
