using System.Diagnostics;
using Accountability.Api.Tests.Infrastructure;
using Marten;

namespace Accountability.Api.Tests.Faults;

/// <summary>
/// The service as a real process, killed with SIGKILL at random moments of a write load and started again: every write
/// that was answered 2xx is in the store, every stream is contiguous, and the projections agree with the events.
/// </summary>
[Category("faults")]
[NonParallelizable] // 16 writers (600 writes) against kills: beside other fixtures it only moved the load (the suite took as long)
public sealed class SigkillTests
{
    private const int Complaints = 120; // five writes each; bench-length soaks belong in bench/, not in the suite
    private const int Clients = 16;

    [Test]
    public async Task Every_acknowledged_write_survives_SIGKILLs_under_load()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var kills = random.Next(2, 4);
        var killAfter = Enumerable.Range(0, kills).Select(_ => random.Next(100, 540)).Order().ToArray();
        TestContext.Out.WriteLine($"seed {seed}: {kills} kills after {string.Join(", ", killAfter)} accepted writes");

        // A schema of its own, so that the rebuild at the end refolds this test's complaints only.
        await using var api = IsolatedNode.Start();
        var market = await api.CreateMarketplaceAsync();
        var address = new Uri(ServiceProcess.LoopbackUrl());
        var service = Start(address, api.Schema);
        var load = new WriteLoad(() => Volatile.Read(ref address), market.Operator.Key!, market.Acme.Key!);
        var clock = Stopwatch.StartNew();
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            var writing = load.RunAsync(Complaints, Clients, stop.Token);
            foreach (var after in killAfter)
            {
                await Eventually.HoldsWithinAsync(() => load.Accepted.Count >= after || writing.IsCompleted, TimeSpan.FromSeconds(90));
                service.Process.Kill(); // SIGKILL
                await service.Process.WaitForExitAsync();
                service.Dispose();
                Volatile.Write(ref address, new Uri(ServiceProcess.LoopbackUrl()));
                service = Start(address, api.Schema);
                TestContext.Out.WriteLine($"killed at {load.Accepted.Count} accepted writes, {clock.Elapsed.TotalSeconds:N1} s");
            }
            await writing;
        }
        finally
        {
            service.Dispose();
        }
        TestContext.Out.WriteLine($"{load.Accepted.Count} writes accepted in {clock.Elapsed.TotalSeconds:N1} s, {load.Retries} retried");
        Assert.That(load.Failures, Is.Empty);
        Assert.That(load.Accepted, Has.Count.EqualTo(Complaints * 5));

        var store = api.Host.Services.GetRequiredService<IDocumentStore>();
        var streams = await StoreChecks.StreamsAsync(ServiceUnderTest.ConnectionString, api.Schema, market.Id);
        Assert.That(StoreChecks.WithGaps(streams), Is.Empty, "streams with a gap or a repeated version");
        Assert.That(StoreChecks.Missing(load.Accepted, streams), Is.Empty, "accepted writes missing from the store");
        var events = await StoreChecks.EventsAsync(store, market.Id, streams.Keys);

        var folded = StoreChecks.Folded(events);
        Assert.That(await StoreChecks.StoredAsync(store, market.Id, streams.Keys), Is.EqualTo(folded), "projections as written");
        var rebuild = await CommandLineRun.RunAsync(new Dictionary<string, string?> { ["Accountability__Schema"] = api.Schema }, "projections", "rebuild");
        Assert.That(rebuild.ExitCode, Is.Zero, rebuild.Error);
        Assert.That(await StoreChecks.StoredAsync(store, market.Id, streams.Keys), Is.EqualTo(folded), "projections rebuilt");
    }

    private static ServiceProcess Start(Uri address, string schema) => ServiceProcess.Start(new Dictionary<string, string?>
    {
        ["Accountability__Schema"] = schema,
        ["Accountability__RunScheduler"] = "false",
        ["Accountability__RunWebhooks"] = "false",
        ["Accountability__RunProjectionDaemon"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    }, "--urls", address.ToString());
}
