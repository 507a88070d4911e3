using System.Text.Json;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Rules;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;
using Npgsql;

namespace Accountability.Api.Tests.Operations;

/// <summary>Deadlines scheduled by the version before one row of clocks per complaint are carried over when a scheduler starts.</summary>
[Category("api")]
public sealed class DeadlineUpgradeTests
{
    [Test]
    public async Task Deadline_documents_of_the_old_shape_become_clocks_and_fire_once()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var api = IsolatedNode.Start(clock: clock);
        var market = await api.CreateMarketplaceAsync();
        await StalledHolderTests.UseDeadlinesOfAboutASecondAsync(market);
        var held = await market.FileHeldByAsync("acme");
        await PutBackTheOldDocumentsAsync(api, market, held.Id);

        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var scheduler = IsolatedNode.Start(runScheduler: true, clock: clock, schema: api.Schema))
            await scheduler.RunSchedulerPassAsync();

        await using var session = api.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(market.Id);
        var flags = (await session.Events.FetchStreamAsync(held.Id)).Select(e => e.Data).OfType<FlagRaised>();
        Assert.That(flags.Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.StalledHolder, RuleIds.StalledHolder }));
        Assert.That(await StalledHolderTests.DueDeadlinesAsync(api, clock.GetUtcNow()), Is.Zero);
        Assert.That(await ScalarAsync(api, $"select to_regclass('{api.Schema}.mt_doc_scheduleddeadline') is null"), Is.True, "the old table is gone");
    }

    /// <summary>The complaint's clocks as the old version stored them: a document per deadline and per warning, and no row.</summary>
    private static async Task PutBackTheOldDocumentsAsync(IsolatedNode node, Marketplace market, Guid complaint)
    {
        await using var query = node.Host.Services.GetRequiredService<IDocumentStore>().QuerySession(market.Id);
        var clocks = (await DeadlineTable.FindAsync(query, complaint, CancellationToken.None))!;
        var table = $"{node.Schema}.mt_doc_scheduleddeadline";
        await ScalarAsync(node, $"create table {table} (id varchar primary key, data jsonb not null); delete from {node.Schema}.{DeadlineTable.Name}; select true");
        foreach (var c in clocks.Clocks)
        {
            var id = $"{market.Id}:{complaint}:{c.Deadline.Kind}";
            object Document(string documentId, DateTimeOffset dueAt, DateTimeOffset? warnsOf) => new
            {
                id = documentId, tenantId = market.Id, complaintId = complaint, kind = c.Deadline.Kind.ToString(), holder = c.Deadline.Holder,
                holdStartVersion = c.Deadline.HoldStartVersion, dueAt, warnsOf,
            };
            await InsertAsync(node, table, id, Document(id, c.Deadline.DueAt, null));
            await InsertAsync(node, table, $"{id}:warning", Document($"{id}:warning", c.WarnAt!.Value, c.Deadline.DueAt));
        }
    }

    private static async Task InsertAsync(IsolatedNode node, string table, string id, object document)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand($"insert into {table} (id, data) values ($1, $2::jsonb)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(document) });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> ScalarAsync(IsolatedNode node, string sql)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        return (bool)(await command.ExecuteScalarAsync())!;
    }
}
