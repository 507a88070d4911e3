using System.Diagnostics;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.RecurringProblems;
using Npgsql;

namespace Accountability.Api.Tests.Faults;

/// <summary>
/// Two worker processes run the projection daemon on one schema; per projection, the one holding its advisory lock
/// leads. The leader killed with SIGKILL, its connections die with it and the other worker takes its projections over.
/// </summary>
[Category("faults")]
public sealed class FailoverTests
{
    private static readonly TimeSpan HangBound = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_complaint_filed_after_the_leading_worker_is_killed_is_projected_by_the_other_once()
    {
        // bench/failover.sh measures with the service's own poll; the test polls each second to stay short.
        var poll = Environment.GetEnvironmentVariable("ACCOUNTABILITY_FAILOVER_POLL_SECONDS") ?? "1";
        await using var api = IsolatedNode.Start();
        var market = await api.CreateMarketplaceAsync();
        var product = RecurringProblemSteps.NewProduct();
        var run = Guid.NewGuid().ToString("N")[..8];
        var workers = new[] { $"worker-a-{run}", $"worker-b-{run}" }.ToDictionary(name => name, name => StartWorker(api.Schema, name, poll));
        try
        {
            for (var i = 0; i < 3; i++)
                await market.FileAboutAsync(product);
            await ProjectedAsync(market, product, 3, TimeSpan.FromSeconds(90)); // includes the processes' start
            var before = await Eventually.UntilAsync(() => LocksAsync(run), held => held.Count > 0, "a worker to lead");
            var leader = before.GroupBy(l => l.Holder).MaxBy(g => g.Count())!.Key;
            var survivor = workers.Keys.Single(name => name != leader);
            TestContext.Out.WriteLine($"{leader} leads {before.Count(l => l.Holder == leader)} of {before.Count} projections");

            var clock = Stopwatch.StartNew();
            workers[leader].Process.Kill(); // SIGKILL
            await workers[leader].Process.WaitForExitAsync();
            var filed = await market.FileAboutAsync(product);
            var after = await Eventually.UntilAsync(() => LocksAsync(run), held => held.Count == before.Count && held.All(l => l.Holder == survivor),
                $"{survivor} to hold every projection's lock", HangBound);
            var takeover = clock.Elapsed;
            var (scorecard, problem) = await ProjectedAsync(market, product, 4, HangBound);
            TestContext.Out.WriteLine($"takeover: {survivor} held every lock {takeover.TotalSeconds:N2} s after the kill and had projected "
                + $"the next complaint after {clock.Elapsed.TotalSeconds:N2} s (leader poll {poll} s)");

            Assert.That(workers[survivor].Process.HasExited, Is.False, "the survivor runs on");
            Assert.That(after.Select(l => l.Lock).Order(), Is.EqualTo(before.Select(l => l.Lock).Order()), "the same projections, now led by the survivor");
            Assert.That(scorecard, Is.EqualTo(4), "the product's scorecard counts each complaint once");
            Assert.That(problem.LinkedComplaints, Is.EqualTo(4), "the recurring problem links the complaint filed after the kill");
            Assert.That((await market.Operator.ProblemAsync(problem.Id)).Complaints.Select(c => c.Id), Does.Contain(filed.Id));
        }
        finally
        {
            foreach (var worker in workers.Values)
                worker.Dispose();
        }
    }

    /// <summary>Waits until the product's scorecard and its recurring problem count at least <paramref name="complaints"/>.</summary>
    private static async Task<(int Scorecard, Features.RecurringProblems.ProblemView Problem)> ProjectedAsync(
        Marketplace market, string product, int complaints, TimeSpan within)
    {
        var read = await Eventually.UntilAsync(async () =>
        {
            var cards = await market.Operator.GetJsonAsync<ProductScorecards>($"/api/scorecards/products?product={Uri.EscapeDataString(product)}");
            var problem = (await market.Operator.ProblemsAsync()).SingleOrDefault(p => p.Product == product);
            return (Scorecard: cards.Products.SingleOrDefault()?.Complaints ?? 0, Problem: problem);
        }, seen => seen.Scorecard >= complaints && seen.Problem?.LinkedComplaints >= complaints, $"{complaints} complaints projected", within);
        return (read.Scorecard, read.Problem!);
    }

    /// <summary>The advisory locks held by this run's workers, by the application name each connects with.</summary>
    private static async Task<List<(string Holder, long Lock)>> LocksAsync(string run)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""
            select a.application_name, (l.classid::bigint << 32) | l.objid::bigint
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and a.application_name like $1
            """, connection) { Parameters = { new() { Value = $"worker-_-{run}" } } };
        var held = new List<(string, long)>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            held.Add((reader.GetString(0), reader.GetInt64(1)));
        return held;
    }

    /// <summary>A worker as deployed: the projection daemon on, nothing else in the background, named in pg_stat_activity.</summary>
    private static ServiceProcess StartWorker(string schema, string name, string poll) => ServiceProcess.Start(new Dictionary<string, string?>
    {
        ["ConnectionStrings__Accountability"] = $"{ServiceUnderTest.ConnectionString};Application Name={name}",
        ["Accountability__Schema"] = schema,
        ["Accountability__RunProjectionDaemon"] = "true",
        ["Accountability__ProjectionLeaderPollSeconds"] = poll,
        ["Accountability__RunScheduler"] = "false",
        ["Accountability__RunWebhooks"] = "false",
        ["Logging__LogLevel__Default"] = "Warning",
    }, "--urls", ServiceProcess.AnyLoopbackPort);
}
