using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Api.Features.Policies;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Features.Statements;

/// <summary>Reads the ledger into statements, and rebuilds the ledger from the complaints' events.</summary>
public sealed class StatementBook(IDocumentStore store, TenantDatabases databases)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly string schema = store.Options.DatabaseSchemaName;

    /// <summary>The marketplace's statement settings, from its policy now.</summary>
    public async Task<StatementSettings> SettingsAsync(string tenantId, CancellationToken ct)
    {
        await using var session = store.QuerySession(tenantId);
        return PolicyDocument.Current(await session.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, ct)).Statements;
    }

    /// <summary>The party's statements for each month from <paramref name="from"/> to <paramref name="to"/>: a closed month's as stored, an open one's from the ledger.</summary>
    public async Task<PartyStatements> ReadAsync(string tenantId, string party, StatementPeriod from, StatementPeriod to, CancellationToken ct)
    {
        var settings = await SettingsAsync(tenantId, ct);
        var months = new List<StatementPeriod>();
        for (var p = from; p.CompareTo(to) <= 0; p = p.Next)
            months.Add(p);
        var names = months.Select(m => m.ToString()).ToArray();
        var closedAt = new Dictionary<string, DateTimeOffset>();
        var stored = new Dictionary<string, PartyStatement>();
        await using (var command = databases.For(tenantId).CreateCommand($"""
            select c.period, c.closed_at, s.statement::text from {schema}.{StatementTables.Closes} c
            left join {schema}.{StatementTables.Closed} s on s.tenant_id = c.tenant_id and s.period = c.period and s.party = $3
            where c.tenant_id = $1 and c.period = any($2)
            """))
        {
            command.Parameters.Add(new() { Value = tenantId });
            command.Parameters.Add(new() { Value = names });
            command.Parameters.Add(new() { Value = party });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                closedAt[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                if (!reader.IsDBNull(2))
                    stored[reader.GetString(0)] = JsonSerializer.Deserialize<PartyStatement>(reader.GetString(2), Json)!;
            }
        }
        var open = names.Where(n => !closedAt.ContainsKey(n)).ToArray();
        var lines = open.Length == 0 ? [] : await LinesAsync(tenantId, party, open, ct);
        var result = months.Select(m => stored.GetValueOrDefault(m.ToString())
            ?? PartyStatement.Of(party, m, settings, closedAt.TryGetValue(m.ToString(), out var at) ? at : null,
                [.. lines.Where(l => l.Period == m.ToString()).Select(l => l.Line)])).ToList();
        return new PartyStatements(party, settings.TimeZone, result);
    }

    /// <summary>The ledger's lines of a party (every party when null) in these periods.</summary>
    public async Task<IReadOnlyList<(string Party, string Period, StatementLine Line)>> LinesAsync(string tenantId, string? party, string[] periods,
        CancellationToken ct, NpgsqlConnection? connection = null)
    {
        var sql = $"""
            select party, period, complaint_id, version, kind, charge_id, currency, amount_minor, at, charged_at, outcome
            from {schema}.{StatementTables.Entries} where tenant_id = $1 and period = any($2) and ($3::text is null or party = $3)
            """;
        await using var command = connection is null ? databases.For(tenantId).CreateCommand(sql) : new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = periods });
        command.Parameters.Add(new() { Value = (object?)party ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var lines = new List<(string, string, StatementLine)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add((reader.GetString(0), reader.GetString(1), new StatementLine(reader.GetGuid(2), reader.GetInt64(3),
                Enum.Parse<StatementEntryKind>(reader.GetString(4)), reader.GetGuid(5), Money.FromMinorUnits(reader.GetInt64(7), reader.GetString(6)),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : Enum.Parse<AppealOutcome>(reader.GetString(10)))));
        }
        return lines;
    }

    /// <summary>
    /// Rebuilds a marketplace's ledger from its complaints' events: each event's entry lands in the first of its candidate
    /// periods that is open, or closed with that entry in its stored statements; so the rebuilt ledger is the one the
    /// writes made, and closed statements stay as they were. Returns how many entries it wrote.
    /// </summary>
    public async Task<int> RebuildAsync(string tenantId, CancellationToken ct)
    {
        var zone = (await SettingsAsync(tenantId, ct)).Zone();
        var closed = await ClosedMembersAsync(tenantId, ct);
        var entries = new List<(StatementEntry Entry, string Period)>();
        await using (var session = store.QuerySession(tenantId))
        {
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.EventTypesAre(typeof(ChargeCreated), typeof(ChargeReversed), typeof(ChargeAppealed), typeof(AppealDecided)))
                .OrderBy(e => e.Sequence).ToListAsync(ct);
            var charges = new Dictionary<Guid, Charge>();
            foreach (var e in events)
            {
                if (e.Data is ChargeCreated created)
                    charges[created.ChargeId] = Charge.From(created, e.Version);
                if (StatementEntry.Of(e.StreamId, e.Version, (IComplaintEvent)e.Data, charges.GetValueOrDefault) is not { } entry)
                    continue;
                var period = entry.Candidates(zone).Select(p => p.ToString())
                    .First(p => !closed.TryGetValue(p, out var members) || members.Contains((entry.ComplaintId, entry.Version)));
                entries.Add((entry, period));
            }
        }
        await using var connection = await databases.For(tenantId).OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var exclusive = new NpgsqlCommand("select pg_advisory_xact_lock(hashtext($1))", connection, transaction))
        {
            exclusive.Parameters.Add(new() { Value = StatementTables.LockKey(tenantId) });
            await exclusive.ExecuteNonQueryAsync(ct);
        }
        await using (var clear = new NpgsqlCommand($"delete from {schema}.{StatementTables.Entries} where tenant_id = $1", connection, transaction))
        {
            clear.Parameters.Add(new() { Value = tenantId });
            await clear.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync($"""
            copy {schema}.{StatementTables.Entries} (tenant_id, complaint_id, version, party, period, kind, charge_id, currency, amount_minor, at, charged_at, outcome)
            from stdin (format binary)
            """, ct))
        {
            foreach (var (e, period) in entries)
            {
                await copy.WriteRowAsync(ct, tenantId, e.ComplaintId, e.Version, e.Party, period, e.Kind.ToString(), e.ChargeId, e.Amount.Currency,
                    e.Amount.ToMinorUnits(), e.At, e.ChargedAt, (object?)e.Outcome?.ToString() ?? DBNull.Value);
            }
            await copy.CompleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return entries.Count;
    }

    /// <summary>Each closed period's entries, as its stored statements list them.</summary>
    private async Task<Dictionary<string, HashSet<(Guid, long)>>> ClosedMembersAsync(string tenantId, CancellationToken ct)
    {
        var closed = new Dictionary<string, HashSet<(Guid, long)>>();
        await using var command = databases.For(tenantId).CreateCommand($"""
            select c.period, s.statement::text from {schema}.{StatementTables.Closes} c
            left join {schema}.{StatementTables.Closed} s on s.tenant_id = c.tenant_id and s.period = c.period where c.tenant_id = $1
            """);
        command.Parameters.Add(new() { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var members = closed.TryGetValue(reader.GetString(0), out var known) ? known : closed[reader.GetString(0)] = [];
            if (!reader.IsDBNull(1))
                members.UnionWith(JsonSerializer.Deserialize<PartyStatement>(reader.GetString(1), Json)!.AllLines().Select(l => (l.ComplaintId, l.Version)));
        }
        return closed;
    }
}
