using System.Text.Json;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Persistence;
using Accountability.Domain.Liability;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Accountability.Api.Features.Statements;

/// <summary>
/// Closes each marketplace's months as they fall due (<see cref="StatementPeriod.ClosesAt"/> by its policy), on the nodes
/// that run the deadline scheduler. A close, in one transaction: takes the marketplace's statement lock alone (so writes
/// in flight commit first and later ones see the close), inserts the month's row in <c>statement_closes</c> (the claim: a
/// node that finds it there closes nothing), stores each party's final statement and queues its <c>statement.ready</c>.
/// </summary>
public sealed class StatementCloser(
    IDocumentStore store, TenantDatabases databases, StatementBook book, WriteContextCache contexts, TimeProvider clock,
    IOptions<DeadlineOptions> options, ILogger<StatementCloser> logger) : BackgroundService
{
    private readonly string schema = store.Options.DatabaseSchemaName;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(options.Value.DeadlinePollSeconds, 1) * 12));
        do
        {
            try
            {
                await CloseDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Closing the months due failed; trying again on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Closes every month due now, of every marketplace (or only <paramref name="tenantId"/>'s), oldest first; returns how many this call closed.</summary>
    public async Task<int> CloseDueAsync(CancellationToken ct, string? tenantId = null)
    {
        var now = clock.GetUtcNow();
        var closedNow = 0;
        IReadOnlyList<Tenant> tenants;
        await using (var session = store.QuerySession())
            tenants = tenantId is null ? await session.Query<Tenant>().ToListAsync(ct)
                : await session.LoadAsync<Tenant>(tenantId, ct) is { } one ? [one] : [];
        foreach (var tenant in tenants)
        {
            var settings = await book.SettingsAsync(tenant.Id, ct);
            var zone = settings.Zone();
            var (firstClosed, lastClosed, firstLine) = await BoundsAsync(tenant.Id, ct);
            var month = firstClosed is null ? Earlier(StatementPeriod.Of(tenant.CreatedAt, zone), firstLine)
                : firstLine?.CompareTo(firstClosed.Value) < 0 ? firstLine.Value : lastClosed!.Value.Next;
            for (; month.ClosesAt(zone, settings.CloseAfterDays) <= now; month = month.Next)
            {
                if (firstClosed is { } first && lastClosed is { } last && month.CompareTo(first) >= 0 && month.CompareTo(last) <= 0)
                    month = last;
                else
                    closedNow += await CloseAsync(tenant.Id, month, settings, now, ct) ? 1 : 0;
            }
        }
        return closedNow;
    }

    /// <summary>
    /// A marketplace's first and last closed months and its first month with a line: three descents of an index, however
    /// long its history. Closes are contiguous, so the months due are those after the last closed, or from a line that
    /// landed before the first (history imported after closes).
    /// </summary>
    public static string BoundsSql(string schema) => $"""
        select (select min(c.period) from {schema}.{StatementTables.Closes} c where c.tenant_id = $1),
            (select max(c.period) from {schema}.{StatementTables.Closes} c where c.tenant_id = $1),
            (select min(e.period) from {schema}.{StatementTables.Entries} e where e.tenant_id = $1)
        """;

    private async Task<(StatementPeriod? FirstClosed, StatementPeriod? LastClosed, StatementPeriod? FirstLine)> BoundsAsync(string tenant, CancellationToken ct)
    {
        await using var command = databases.For(tenant).CreateCommand(BoundsSql(schema));
        command.Parameters.Add(new() { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        StatementPeriod? At(int i) => !reader.IsDBNull(i) && StatementPeriod.TryParse(reader.GetString(i), out var p) ? p : null;
        return (At(0), At(1), At(2));
    }

    private static StatementPeriod Earlier(StatementPeriod month, StatementPeriod? other) => other?.CompareTo(month) < 0 ? other.Value : month;

    private async Task<bool> CloseAsync(string tenant, StatementPeriod month, StatementSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenant);
        var batch = session.CreateBatchQuery();
        var context = contexts.Queue(session, batch);
        await batch.Execute(ct);
        var targets = (await context()).Part<WebhookTargets>();

        await session.BeginTransactionAsync(ct);
        var connection = session.Connection!;
        await using (var exclusive = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext($1))", connection))
        {
            exclusive.Parameters.Add(new() { Value = StatementTables.LockKey(tenant) });
            await exclusive.ExecuteNonQueryAsync(ct);
        }
        await using (var claim = new NpgsqlCommand(
            $"insert into {schema}.{StatementTables.Closes} (tenant_id, period, closed_at) values ($1, $2, $3) on conflict do nothing", connection))
        {
            claim.Parameters.Add(new() { Value = tenant });
            claim.Parameters.Add(new() { Value = month.ToString() });
            claim.Parameters.Add(new() { Value = now });
            if (await claim.ExecuteNonQueryAsync(ct) == 0)
                return false;
        }
        var lines = await book.LinesAsync(tenant, null, [month.ToString()], ct, connection);
        foreach (var party in lines.GroupBy(l => l.Party))
        {
            var statement = PartyStatement.Of(party.Key, month, settings, now, [.. party.Select(l => l.Line)]);
            session.QueueSqlCommand($"insert into {schema}.{StatementTables.Closed} (tenant_id, period, party, statement) values (?, ?, ?, ?::jsonb)",
                tenant, month.ToString(), party.Key, JsonSerializer.Serialize(statement, StatementBook.Json));
            var link = $"/api/statements?party={Uri.EscapeDataString(statement.Party)}&from={statement.Period}&to={statement.Period}";
            WebhookOutbox.EnqueueStatementReady(session, targets, statement.Party, month.Number, new StatementReady(statement.Period, statement.Net), link, now);
        }
        // The save commits the transaction only when it has something to write; a month with no lines has nothing else.
        session.QueueSqlCommand($"update {schema}.{StatementTables.Closes} set closed_at = ? where tenant_id = ? and period = ?", now, tenant, month.ToString());
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Closed {Period} of marketplace {Tenant}: {Parties} statements", month, tenant, lines.Select(l => l.Party).Distinct().Count());
        return true;
    }
}

/// <summary>What <c>statement.ready</c> says: the month closed and its net per currency (the payload's link reads the statement).</summary>
public sealed record StatementReady(string Period, IReadOnlyDictionary<string, decimal> Net);
