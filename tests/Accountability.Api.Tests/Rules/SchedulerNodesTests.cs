using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;
using Npgsql;

namespace Accountability.Api.Tests.Rules;

/// <summary>Several nodes run the deadline scheduler over one database: each warning and deadline goes off once.</summary>
[Category("api")]
public sealed class SchedulerNodesTests
{
    private const int Complaints = 50;

    [Test]
    public async Task Three_schedulers_fire_every_due_deadline_and_warning_exactly_once()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var first = IsolatedNode.Start(runScheduler: true, clock: clock);
        await using var second = IsolatedNode.Start(runScheduler: true, clock: clock, schema: first.Schema);
        await using var third = IsolatedNode.Start(runScheduler: true, clock: clock, schema: first.Schema);
        var (market, ids) = await ComplaintsWithDeadlinesAsync(first);
        Assert.That(await StalledHolderTests.DueDeadlinesAsync(first, clock.GetUtcNow().AddMinutes(1)), Is.EqualTo(Complaints * 4),
            "two deadlines and two warnings each, due in a minute");
        clock.Advance(TimeSpan.FromMinutes(1));

        await Task.WhenAll(first.RunSchedulerPassAsync(), second.RunSchedulerPassAsync(), third.RunSchedulerPassAsync());

        await AssertEachFiredOnceAsync(first, clock, market, ids);
    }

    [Test]
    public async Task A_node_that_dies_holding_a_claim_leaves_its_deadlines_to_another_once_the_lease_lapses()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runScheduler: true, clock: clock);
        var (market, ids) = await ComplaintsWithDeadlinesAsync(node);
        // Another node claims everything due in a minute, then dies: nothing it claimed is fired or given back.
        var table = node.Host.Services.GetRequiredService<DeadlineTable>();
        var dead = await table.ClaimAsync(clock.GetUtcNow().AddMinutes(1), TimeSpan.FromHours(1), Complaints, CancellationToken.None);
        Assert.That(dead, Has.Count.EqualTo(Complaints));
        clock.Advance(TimeSpan.FromMinutes(1));

        await node.RunSchedulerPassAsync();
        Assert.That(await StalledHolderTests.DueDeadlinesAsync(node, clock.GetUtcNow()), Is.EqualTo(Complaints * 4), "claimed rows wait for their lease");

        // The lease lapses on the database's clock (moved here rather than waited out, so a slow machine changes nothing).
        await using (var lapse = node.Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>().CreateCommand(
            $"update {node.Schema}.{DeadlineTable.Name} set claimed_until = now() - interval '1 second' where claim = $1"))
        {
            lapse.Parameters.Add(new Npgsql.NpgsqlParameter { Value = dead[0].Claim });
            Assert.That(await lapse.ExecuteNonQueryAsync(), Is.EqualTo(Complaints));
        }
        await node.RunSchedulerPassAsync();
        Assert.That(await StalledHolderTests.DueDeadlinesAsync(node, clock.GetUtcNow()), Is.Zero, "the live node took over the dead node's claims");
        await AssertEachFiredOnceAsync(node, clock, market, ids);
    }

    /// <summary>Complaints held by acme, with deadlines of about a second; acme listens for warnings (nothing sends them).</summary>
    private static async Task<(Marketplace Market, Guid[] Ids)> ComplaintsWithDeadlinesAsync(IsolatedNode node)
    {
        var market = await node.CreateMarketplaceAsync();
        await StalledHolderTests.UseDeadlinesOfAboutASecondAsync(market);
        await using var receiver = await Receiver.StartAsync();
        await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { WebhookEventTypes.DeadlineApproaching } }, 201);
        var ids = new List<Guid>();
        foreach (var chunk in Enumerable.Range(0, Complaints).Chunk(10))
            ids.AddRange((await Task.WhenAll(chunk.Select(_ => market.FileHeldByAsync("acme")))).Select(c => c.Id));
        return (market, [.. ids]);
    }

    private static async Task AssertEachFiredOnceAsync(IsolatedNode node, TimeProvider clock, Marketplace market, Guid[] ids)
    {
        Assert.That(await StalledHolderTests.DueDeadlinesAsync(node, clock.GetUtcNow()), Is.Zero, "nothing left due");
        await using var session = node.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(market.Id);
        foreach (var id in ids)
        {
            var flags = (await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<FlagRaised>().Where(f => f.Rule == RuleIds.StalledHolder);
            Assert.That(flags.Count(), Is.EqualTo(2), $"complaint {id}: one flag per deadline");
        }
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(
            $"select complaint_id, count(*) from {node.Schema}.webhook_deliveries where event_type = $1 group by complaint_id");
        command.Parameters.Add(new NpgsqlParameter { Value = WebhookEventTypes.DeadlineApproaching });
        var warnings = new Dictionary<Guid, long>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                warnings[reader.GetGuid(0)] = reader.GetInt64(1);
        Assert.That(ids.Select(id => warnings.GetValueOrDefault(id)), Is.All.EqualTo(2), "one warning per deadline");
    }
}
