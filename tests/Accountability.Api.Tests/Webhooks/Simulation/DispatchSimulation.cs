using System.Diagnostics;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Marten;

namespace Accountability.Api.Tests.Webhooks.Simulation;

/// <summary>
/// Drives real dispatchers over a seeded outbox: the clock jumps to the next due delivery (hours or days at a time), every
/// node is asked for a pass, nodes crash and restart on a seeded schedule, and an endpoint disabled by a 410 is enabled
/// again by its owner once nothing else can move. Ends when nothing is pending, within a generous real-time bound.
/// </summary>
public sealed class DispatchSimulation(IsolatedNode node, Marketplace market, int seed, int nodes, bool crashes)
{
    public int Endpoints { get; init; } = 6;

    public int ComplaintsPerEndpoint { get; init; } = 20;

    public int VersionsPerComplaint { get; init; } = 10;

    public int Deliveries => Endpoints * ComplaintsPerEndpoint * VersionsPerComplaint;

    public async Task<Result> RunAsync()
    {
        var random = new Random(seed);
        var clock = new SimulatedClock(DateTimeOffset.UtcNow);
        var start = clock.GetUtcNow();
        await using var receiver = await ScriptedReceiver.StartAsync(
            new ScriptedReceiver.Script(seed, clock, GoneEndpoint: "e0", GoneAt: 15, DownEndpoint: "e1", DownUntil: start.AddHours(50)));
        var endpoints = new List<string>();
        for (var i = 0; i < Endpoints; i++)
            endpoints.Add((await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks",
                new { url = receiver.UrlFor($"e{i}"), eventTypes = new[] { "complaint.assigned" } }, 201)).Endpoint.Id);
        var outbox = new Outbox(node.Host.Services.GetRequiredService<IDocumentStore>(), market.Id);
        var complaints = endpoints.ToDictionary(e => e, _ => Enumerable.Range(0, ComplaintsPerEndpoint).Select(_ => NewGuid(random)).ToArray());
        await outbox.SeedAsync(
            from version in Enumerable.Range(1, VersionsPerComplaint)
            from endpoint in endpoints
            from complaint in complaints[endpoint]
            select ($"msg_{endpoint}_{complaint:N}_{version}", endpoint, complaint, (long)version), start);

        var running = new List<DispatcherNode>();
        for (var i = 0; i < nodes; i++)
            running.Add(await DispatcherNode.StartAsync(node.Host.Services, clock));
        var (steps, crashed, enabledAgain) = (0, 0, 0);
        var watch = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                var (pending, due) = await outbox.StateAsync();
                if (pending == 0)
                    break;
                if (watch.Elapsed > TimeSpan.FromSeconds(120))
                    Assert.Fail($"{pending} deliveries still pending after {steps} steps and {clock.GetUtcNow() - start} simulated");
                if (due is { } at)
                    clock.MoveTo(at + Quantum(at - clock.GetUtcNow())); // a little past it, so retries due close together go at once
                else if (!running.Any(n => n.Alive) || await EnableDisabledAsync() == 0)
                    await Task.Delay(20); // claims in flight or lapsing on the database's clock: poll at a dispatcher's own pace
                else
                    enabledAgain++;

                if (crashes && random.Next(30) == 0 && running.Count(n => n.Alive) > 1)
                {
                    await running.Where(n => n.Alive).ElementAt(random.Next(running.Count(n => n.Alive))).CrashAsync();
                    crashed++;
                }
                if (running.FindIndex(n => !n.Alive) is var dead and >= 0 && random.Next(4) == 0)
                {
                    await running[dead].DisposeAsync();
                    running[dead] = await DispatcherNode.StartAsync(node.Host.Services, clock);
                }
                await Task.WhenAll(running.Where(n => n.Alive).Select(n => n.PassAsync()));
                steps++;
            }
        }
        finally
        {
            foreach (var dispatcher in running)
                await dispatcher.DisposeAsync();
        }
        return new Result(await outbox.StatusesAsync(), [.. receiver.Arrivals], [.. receiver.Overlaps], await outbox.AttemptedAgainAfterA200Async(),
            steps, crashed, enabledAgain, clock.GetUtcNow() - start, watch.Elapsed);
    }

    private static TimeSpan Quantum(TimeSpan ahead) => TimeSpan.FromMinutes(1) + ahead / 2;

    /// <summary>The owner enables every endpoint the sender disabled; returns how many.</summary>
    private async Task<int> EnableDisabledAsync()
    {
        var disabled = (await market.Acme.GetJsonAsync<List<WebhookEndpointView>>("/api/webhooks")).Where(e => !e.Enabled).ToList();
        foreach (var endpoint in disabled)
        {
            using var enabled = await market.Acme.PutAsync($"/api/webhooks/{endpoint.Id}", new { url = endpoint.Url, eventTypes = endpoint.EventTypes, enabled = true });
            await enabled.ShouldBeAsync<WebhookEndpointView>(200);
        }
        return disabled.Count;
    }

    private static Guid NewGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    public sealed record Result(
        Dictionary<string, DeliveryStatus> Statuses, IReadOnlyList<ScriptedReceiver.Arrival> Arrivals, IReadOnlyList<(ScriptedReceiver.Arrival Open, ScriptedReceiver.Arrival Arrived)> Overlaps,
        IReadOnlyList<string> AttemptedAgainAfterA200, int Steps, int Crashes,
        int EnabledAgain, TimeSpan Simulated, TimeSpan Took)
    {
        /// <summary>
        /// Deliveries that reached the receiver again after it had answered one of their requests 200: a dispatcher's
        /// mistake only if that 200 reached it (<see cref="AttemptedAgainAfterA200"/>); on a loaded machine some 200s are
        /// written after the sender's timeout.
        /// </summary>
        public IReadOnlyList<string> SentAgainAfterSuccess =>
        [
            .. Arrivals.GroupBy(a => a.DeliveryId)
                .Where(g => g.SkipWhile(a => a.Answer != ScriptedReceiver.Answer.Ok).Skip(1).Any())
                .Select(g => g.Key),
        ];

        /// <summary>Lanes (complaint at endpoint) whose requests arrived with a version lower than one that arrived before.</summary>
        public IReadOnlyList<string> OutOfOrder =>
        [
            .. Arrivals.GroupBy(a => a.Lane)
                .Where(g => g.Zip(g.Skip(1)).Any(pair => pair.Second.Version < pair.First.Version))
                .Select(g => g.Key),
        ];

        public string Summary =>
            $"{Statuses.Count} deliveries ({Statuses.Values.Count(s => s == DeliveryStatus.Delivered)} delivered, "
            + $"{Statuses.Values.Count(s => s == DeliveryStatus.DeadLetter)} dead-lettered), {Arrivals.Count} requests, "
            + $"{Simulated.TotalHours:N0} simulated hours in {Steps} steps, {Crashes} crashes, {EnabledAgain} endpoints enabled again, "
            + $"{SentAgainAfterSuccess.Count} sent again after a 200 ({AttemptedAgainAfterA200.Count} after the dispatcher had seen it), took {Took.TotalSeconds:N1} s";
    }
}
