using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Webhooks.Simulation;

/// <summary>
/// Real dispatchers and their real SQL against receivers that fail, time out, answer 429 and 410 on a seeded script, over
/// simulated days: nothing stuck, nothing out of order, never two requests at once for one complaint at one endpoint.
/// </summary>
[Category("api")]
public sealed class DispatchSimulationTests
{
    [Test]
    public async Task Three_dispatchers_over_simulated_days_deliver_everything_in_order_without_sending_anything_twice()
    {
        var result = await RunAsync(seed: 21, crashes: false);
        Assert.That(result.AttemptedAgainAfterA200, Is.Empty, "in normal operation nothing is sent again after the dispatcher saw a 200");
    }

    [Test]
    public async Task Three_dispatchers_that_crash_and_restart_lose_nothing_and_never_send_out_of_order()
    {
        var result = await RunAsync(seed: 7, crashes: true);
        Assert.That(result.Crashes, Is.GreaterThan(0));
    }

    private static async Task<DispatchSimulation.Result> RunAsync(int seed, bool crashes)
    {
        await using var node = IsolatedNode.Start();
        var market = await node.CreateMarketplaceAsync();
        var simulation = new DispatchSimulation(node, market, seed, nodes: 3, crashes)
        {
            Endpoints = Scale("ENDPOINTS", 4), ComplaintsPerEndpoint = Scale("COMPLAINTS", 30), VersionsPerComplaint = Scale("VERSIONS", 4),
        };
        var result = await simulation.RunAsync();
        TestContext.Out.WriteLine(result.Summary);

        Assert.That(result.Statuses, Has.Count.EqualTo(simulation.Deliveries));
        Assert.That(result.Statuses.Where(s => s.Value == DeliveryStatus.Pending).Select(s => s.Key), Is.Empty, "none stuck");
        Assert.That(result.OutOfOrder, Is.Empty, "lanes whose requests arrived out of order");
        Assert.That(result.Overlaps, Is.Empty, "requests that arrived while one for the same complaint and endpoint was being answered");
        var answeredOk = result.Arrivals.Where(a => a.Answer == ScriptedReceiver.Answer.Ok).Select(a => a.DeliveryId).ToHashSet();
        Assert.That(result.Statuses.Where(s => s.Value == DeliveryStatus.Delivered && !answeredOk.Contains(s.Key)).Select(s => s.Key), Is.Empty,
            "delivered without ever arriving");
        Assert.That(result.Statuses.Values.Count(s => s == DeliveryStatus.DeadLetter), Is.GreaterThan(0), "the script dead-letters some");
        Assert.That(result.EnabledAgain, Is.GreaterThan(0), "the 410 disabled an endpoint, whose deliveries waited for it");
        Assert.That(result.Simulated, Is.GreaterThan(TimeSpan.FromDays(2)));
        return result;
    }

    /// <summary>The simulation's size: small enough for every run, larger through ACCOUNTABILITY_SIMULATION_* (bench/webhook-simulation.sh).</summary>
    private static int Scale(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable($"ACCOUNTABILITY_SIMULATION_{name}"), out var value) ? value : fallback;
}
