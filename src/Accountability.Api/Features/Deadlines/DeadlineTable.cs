using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Features.Deadlines;

/// <summary>A complaint's clocks as the scheduler claimed them: <paramref name="Claim"/> is its token.</summary>
public sealed record ClaimedDeadlines(string TenantId, Guid ComplaintId, DeadlineClocks Clocks, string Claim);

/// <summary>
/// One row per complaint holding all its clocks (<see cref="DeadlineClocks"/>, as JSON), the time its next alarm falls
/// due (indexed), and the scheduler's claim on it. Kept outside tenants so one query finds every tenant's due work;
/// written through the caller's Marten session, so the clocks commit with the events that started them.
/// </summary>
public sealed class DeadlineTable(TenantDatabases databases, IDocumentStore store)
{
    public const string Name = "complaint_deadlines";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly string table = $"{store.Options.DatabaseSchemaName}.{Name}";

    public static void Define(StoreOptions options)
    {
        var deadlines = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, Name, SchemaUtils.IdentifierUsage.General));
        deadlines.AddColumn<string>("tenant_id").AsPrimaryKey();
        deadlines.AddColumn<Guid>("complaint_id").AsPrimaryKey();
        deadlines.AddColumn("clocks", "jsonb").NotNull();
        deadlines.AddColumn("next_due_at", "timestamptz");
        deadlines.AddColumn("claim", "text");
        deadlines.AddColumn("claimed_until", "timestamptz");
        deadlines.Indexes.Add(new IndexDefinition($"ix_{Name}_due") { Columns = ["next_due_at"], Predicate = "next_due_at is not null" });
        options.Storage.ExtendedSchemaObjects.Add(deadlines);
    }

    public static string Serialize(DeadlineClocks clocks) => JsonSerializer.Serialize(clocks, Json);

    public static DeadlineClocks Deserialize(string json) => JsonSerializer.Deserialize<DeadlineClocks>(json, Json)!;

    /// <summary>The kinds of clock a hold starts; a new hold's clocks replace these and leave the evidence clocks alone.</summary>
    public static readonly IReadOnlyList<DeadlineKind> HoldKinds = [DeadlineKind.FirstResponse, DeadlineKind.Resolution];

    /// <summary>
    /// Writes the clocks a write started (<see cref="DeadlineClocks.Started"/>), those due after <paramref name="notBefore"/>;
    /// a write that starts none writes nothing.
    /// </summary>
    public static void WriteStarted(IDocumentSession session, Complaint? before, Complaint after, Policy policy, PartyDirectory parties,
        DateTimeOffset? notBefore = null)
    {
        if (DeadlineClocks.Started(before, after, policy, parties, notBefore) is { } clocks)
            Write(session, after.Id, clocks, HoldKinds);
    }

    /// <summary>
    /// Writes <paramref name="clocks"/> in place of the row's clocks of the <paramref name="replacing"/> kinds, keeping the
    /// others as they stand (a new hold keeps the evidence clocks, a request for evidence the holder's), in one statement;
    /// it drops a claim on the row, so a firing under that claim is undone and fires again from the new row.
    /// </summary>
    public static void Write(IDocumentSession session, Guid complaintId, DeadlineClocks clocks, IReadOnlyList<DeadlineKind> replacing)
    {
        var table = $"{session.DocumentStore.Options.DatabaseSchemaName}.{Name}";
        var kept = $"from jsonb_array_elements({table}.clocks->'clocks') c where c->'deadline'->>'kind' <> all(?)";
        var kinds = replacing.Select(k => k.ToString()).ToArray();
        session.QueueSqlCommand($"""
            insert into {table} (tenant_id, complaint_id, clocks, next_due_at) values (?, ?, ?::jsonb, ?)
            on conflict (tenant_id, complaint_id) do update set
            clocks = jsonb_build_object('clocks', coalesce((select jsonb_agg(c) {kept}), '[]'::jsonb) || (excluded.clocks->'clocks')),
            next_due_at = least(excluded.next_due_at, (select min((c->>'nextAt')::timestamptz) {kept})), claim = null, claimed_until = null
            """, session.TenantId, complaintId, Serialize(clocks), (object?)clocks.NextDueAt ?? DBNull.Value, kinds, kinds);
    }

    /// <summary>Removes the clocks of complaints that are gone (an import replacing a source).</summary>
    public static void Delete(IDocumentSession session, IReadOnlyCollection<Guid> complaintIds) =>
        session.QueueSqlCommand($"delete from {session.DocumentStore.Options.DatabaseSchemaName}.{Name} where tenant_id = ? and complaint_id = any(?)",
            session.TenantId, complaintIds.ToArray());

    /// <summary>
    /// Records what firing changed, only while <paramref name="claimed"/>'s token still holds the row: otherwise the save
    /// fails (<see cref="DeadlineClaimLost"/>) and nothing of the firing commits. <paramref name="release"/> ends the claim.
    /// </summary>
    public static void Record(IDocumentSession session, ClaimedDeadlines claimed, DeadlineClocks after, bool release) =>
        session.QueueOperation(new ClaimedUpdate(session.DocumentStore.Options.DatabaseSchemaName, claimed, Serialize(after), after.NextDueAt, release));

    /// <summary>
    /// Claims up to <paramref name="limit"/> complaints with an alarm due at <paramref name="now"/>, earliest first, under a
    /// new token for <paramref name="lease"/>. Due-ness follows the service's clock, the lease the database's (decision 0023).
    /// </summary>
    public async Task<IReadOnlyList<ClaimedDeadlines>> ClaimAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        // One claim per database, each on that database's clock; the token is shared, so a release finds its row anywhere.
        var claim = Guid.NewGuid().ToString("N");
        return await databases.ClaimFromEachAsync<ClaimedDeadlines>(limit, async (database, wanted) =>
        {
            await using var command = database.CreateCommand($"""
                with due as (
                    select tenant_id, complaint_id from {table}
                    where next_due_at <= $1 and (claimed_until is null or claimed_until < now())
                    order by next_due_at limit $3
                    for update skip locked)
                update {table} d set claim = $4, claimed_until = now() + $2 from due
                where d.tenant_id = due.tenant_id and d.complaint_id = due.complaint_id
                returning d.tenant_id, d.complaint_id, d.clocks::text
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = lease });
            command.Parameters.Add(new NpgsqlParameter { Value = wanted });
            command.Parameters.Add(new NpgsqlParameter { Value = claim });
            var claimed = new List<ClaimedDeadlines>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                claimed.Add(new ClaimedDeadlines(reader.GetString(0), reader.GetGuid(1), Deserialize(reader.GetString(2)), claim));
            return claimed;
        });
    }

    /// <summary>Gives a claim back, so another pass may take the row at once.</summary>
    public async Task ReleaseAsync(ClaimedDeadlines claimed, CancellationToken ct)
    {
        await using var command = databases.For(claimed.TenantId).CreateCommand(
            $"update {table} set claim = null, claimed_until = null where tenant_id = $1 and complaint_id = $2 and claim = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = claimed.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = claimed.ComplaintId });
        command.Parameters.Add(new NpgsqlParameter { Value = claimed.Claim });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Carries the deadlines a version before decision 0027 scheduled (a Marten document per deadline and per warning,
    /// <c>mt_doc_scheduleddeadline</c>) into rows of clocks, once, and drops their table; a row already written wins.
    /// Nodes starting together take turns on the table's lock, and those after the first find it gone.
    /// </summary>
    public async Task<int> ConvertScheduledDeadlinesAsync(CancellationToken ct)
    {
        var converted = 0;
        foreach (var database in databases.All)
            converted += await ConvertScheduledDeadlinesAsync(database, ct);
        return converted;
    }

    private async Task<int> ConvertScheduledDeadlinesAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        var old = $"{store.Options.DatabaseSchemaName}.mt_doc_scheduleddeadline";
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var exists = new NpgsqlCommand($"select to_regclass('{old}') is not null", connection, transaction))
            if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
                return 0;
        var documents = new List<OldDeadline>();
        try
        {
            await using var read = new NpgsqlCommand($"lock table {old} in access exclusive mode; select data::text from {old}", connection, transaction);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                documents.Add(JsonSerializer.Deserialize<OldDeadline>(reader.GetString(0), Json)!);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
        var complaints = documents.GroupBy(d => (d.TenantId, d.ComplaintId)).ToList();
        foreach (var complaint in complaints)
        {
            var clocks = new DeadlineClocks([.. complaint.Where(d => d.WarnsOf is null).Select(d => new DeadlineClock(
                new Deadline(d.Kind, d.Holder, d.HoldStartVersion, d.DueAt),
                complaint.FirstOrDefault(w => w.WarnsOf is not null && w.Kind == d.Kind)?.DueAt, DeadlineState.Pending))]);
            await using var insert = new NpgsqlCommand($"""
                insert into {table} (tenant_id, complaint_id, clocks, next_due_at) values ($1, $2, $3::jsonb, $4) on conflict do nothing
                """, connection, transaction);
            insert.Parameters.Add(new NpgsqlParameter { Value = complaint.Key.TenantId });
            insert.Parameters.Add(new NpgsqlParameter { Value = complaint.Key.ComplaintId });
            insert.Parameters.Add(new NpgsqlParameter { Value = Serialize(clocks) });
            insert.Parameters.Add(new NpgsqlParameter { Value = (object?)clocks.NextDueAt ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
            await insert.ExecuteNonQueryAsync(ct);
        }
        await using (var drop = new NpgsqlCommand($"drop table {old}", connection, transaction))
            await drop.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return complaints.Count;
    }

    private sealed record OldDeadline(string TenantId, Guid ComplaintId, DeadlineKind Kind, string Holder, long HoldStartVersion,
        DateTimeOffset DueAt, DateTimeOffset? WarnsOf);

    /// <summary>A complaint's clocks, read through the session (so within its transaction); null when it has none.</summary>
    public static async Task<DeadlineClocks?> FindAsync(IQuerySession session, Guid complaintId, CancellationToken ct)
    {
        var rows = await session.QueryAsync<string>(
            $"select clocks::text from {session.DocumentStore.Options.DatabaseSchemaName}.{Name} where tenant_id = ? and complaint_id = ?",
            ct, session.TenantId, complaintId);
        return rows.Count == 0 ? null : Deserialize(rows[0]);
    }
}
