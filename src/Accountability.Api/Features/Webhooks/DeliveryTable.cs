using Accountability.Api.Persistence;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// The outbox as plain tables beside the event store: deliveries (one row each, updated as they progress) and their
/// attempts (appended). Rows are written through the caller's Marten session, so they commit with its events.
/// </summary>
public sealed class DeliveryTable(TenantDatabases databases, IDocumentStore store)
{
    /// <summary>The log keeps this many attempts per delivery.</summary>
    public const int AttemptsShown = 20;

    private const string Columns =
        "id, tenant_id, endpoint_id, party_id, complaint_id, complaint_version, event_type, payload, status, failed_attempts, next_attempt_at, created_at";

    private readonly string schema = store.Options.DatabaseSchemaName;
    private readonly string endpoints = store.Options.FindOrResolveDocumentType(typeof(WebhookEndpoint)).TableName.QualifiedName;

    public static void Define(StoreOptions options)
    {
        var deliveries = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, "webhook_deliveries", SchemaUtils.IdentifierUsage.General));
        deliveries.AddColumn<string>("id").AsPrimaryKey();
        deliveries.AddColumn("seq", "bigserial").NotNull();
        deliveries.AddColumn<string>("tenant_id").NotNull();
        deliveries.AddColumn<string>("endpoint_id").NotNull();
        deliveries.AddColumn<string>("party_id").NotNull();
        deliveries.AddColumn<Guid>("complaint_id").NotNull();
        deliveries.AddColumn<long>("complaint_version").NotNull();
        deliveries.AddColumn<string>("event_type").NotNull();
        deliveries.AddColumn<string>("payload").NotNull();
        deliveries.AddColumn<string>("status").NotNull();
        deliveries.AddColumn<int>("failed_attempts").NotNull();
        deliveries.AddColumn("next_attempt_at", "timestamptz").NotNull();
        deliveries.AddColumn("claimed_until", "timestamptz");
        deliveries.AddColumn("claim", "text");
        deliveries.AddColumn("created_at", "timestamptz").NotNull();
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_due") { Columns = ["next_attempt_at"], Predicate = "status = 'Pending'" });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_lane")
        {
            Columns = ["endpoint_id", "complaint_id", "complaint_version", "seq"], Predicate = "status = 'Pending'",
        });
        deliveries.Indexes.Add(new IndexDefinition("ix_webhook_deliveries_log") { Columns = ["tenant_id", "endpoint_id", "created_at"] });

        var attempts = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, "webhook_attempts", SchemaUtils.IdentifierUsage.General));
        attempts.AddColumn<string>("delivery_id").NotNull();
        attempts.AddColumn("attempted_at", "timestamptz").NotNull();
        attempts.AddColumn("status_code", "integer");
        attempts.AddColumn<long>("latency_ms").NotNull();
        attempts.AddColumn("error", "text");
        attempts.Indexes.Add(new IndexDefinition("ix_webhook_attempts_delivery") { Columns = ["delivery_id", "attempted_at"] });

        options.Storage.ExtendedSchemaObjects.Add(deliveries);
        options.Storage.ExtendedSchemaObjects.Add(attempts);
    }

    /// <summary>The channel a commit with new deliveries notifies, so dispatchers on every node wake at once.</summary>
    public static string Channel(string schema) => $"{schema}_webhooks";

    public static void Insert(IDocumentSession session, WebhookDelivery d)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        session.QueueSqlCommand($"insert into {schema}.webhook_deliveries ({Columns}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            d.Id, d.TenantId, d.EndpointId, d.PartyId, d.ComplaintId, d.ComplaintVersion, d.EventType, d.Payload, d.Status.ToString(),
            d.FailedAttempts, d.NextAttemptAt, d.CreatedAt);
    }

    /// <summary>Wakes the dispatchers when the session commits (PostgreSQL delivers notifications at commit, once per transaction).</summary>
    public static void NotifyOnCommit(IDocumentSession session) =>
        session.QueueSqlCommand($"notify \"{Channel(session.DocumentStore.Options.DatabaseSchemaName)}\"");

    /// <summary>
    /// Claims up to <paramref name="limit"/> deliveries due at <paramref name="now"/> that are first in line for their complaint
    /// at their endpoint, whose endpoint is not disabled, at most <paramref name="perEndpoint"/> per endpoint and none for
    /// <paramref name="saturated"/> endpoints, under a new claim token for <paramref name="lease"/>. Due-ness follows the
    /// service's clock, the lease the database's: a node whose clock runs ahead must not see another's claims as lapsed.
    /// </summary>
    public async Task<(string Claim, IReadOnlyList<WebhookDelivery> Deliveries)> ClaimAsync(
        DateTimeOffset now, TimeSpan lease, int limit, int perEndpoint, string[] saturated, CancellationToken ct)
    {
        var sql = $"""
            with candidates as (
                select d.id, row_number() over (partition by d.endpoint_id order by d.next_attempt_at, d.seq) as place
                from {schema}.webhook_deliveries d
                where d.status = 'Pending' and d.next_attempt_at <= $1 and (d.claimed_until is null or d.claimed_until < now())
                  and d.endpoint_id <> all($5)
                  and not exists (select 1 from {endpoints} w
                      where w.tenant_id = d.tenant_id and w.id = d.endpoint_id and (w.data ->> 'enabled')::boolean = false)
                  and not exists (select 1 from {schema}.webhook_deliveries e
                      where e.status = 'Pending' and e.endpoint_id = d.endpoint_id and e.complaint_id = d.complaint_id
                        and (e.complaint_version, e.seq) < (d.complaint_version, d.seq))),
            ready as (
                select d.id from {schema}.webhook_deliveries d join candidates c on c.id = d.id
                where c.place <= $4 and d.status = 'Pending' and d.next_attempt_at <= $1
                  and (d.claimed_until is null or d.claimed_until < now())
                order by d.next_attempt_at limit $3
                for update of d skip locked)
            update {schema}.webhook_deliveries d set claimed_until = now() + $2, claim = $6 from ready where d.id = ready.id
            returning {string.Join(", ", Columns.Split(", ").Select(c => "d." + c))}
            """;
        // One claim per database, each on that database's clock, under one token.
        var claim = Guid.NewGuid().ToString("N");
        var claimed = await databases.ClaimFromEachAsync(limit, async (database, wanted) =>
        {
            await using var command = database.CreateCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = now });
            command.Parameters.Add(new NpgsqlParameter { Value = lease });
            command.Parameters.Add(new NpgsqlParameter { Value = wanted });
            command.Parameters.Add(new NpgsqlParameter { Value = perEndpoint });
            command.Parameters.Add(new NpgsqlParameter { Value = saturated });
            command.Parameters.Add(new NpgsqlParameter { Value = claim });
            return await ReadDeliveriesAsync(command, ct);
        });
        return (claim, claimed);
    }

    /// <summary>
    /// Records an attempt and, while <paramref name="claim"/> still holds the delivery, where it stands after it; a claim
    /// that lapsed meanwhile changes nothing, so a late answer never overwrites what the delivery's new owner recorded.
    /// </summary>
    public static void RecordAttempt(IDocumentSession session, WebhookDelivery after, DeliveryAttempt attempt, string claim)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        session.QueueSqlCommand($"insert into {schema}.webhook_attempts (delivery_id, attempted_at, status_code, latency_ms, error) values (?, ?, ?, ?, ?)",
            after.Id, attempt.At, (object?)attempt.StatusCode ?? DBNull.Value, attempt.LatencyMs, (object?)attempt.Error ?? DBNull.Value);
        session.QueueSqlCommand($"""
            update {schema}.webhook_deliveries set status = ?, failed_attempts = ?, next_attempt_at = ?, claimed_until = null, claim = null
            where id = ? and claim = ?
            """, after.Status.ToString(), after.FailedAttempts, after.NextAttemptAt, after.Id, claim);
    }

    /// <summary>Gives a claimed delivery back untried (its endpoint was disabled meanwhile, or its claim grew too old to send on).</summary>
    public static void Release(IDocumentSession session, string id, string claim) =>
        session.QueueSqlCommand($"update {session.DocumentStore.Options.DatabaseSchemaName}.webhook_deliveries set claimed_until = null, claim = null where id = ? and claim = ?",
            id, claim);

    /// <summary>Writes a delivery's progress (status, failures, next attempt) and releases any claim on it.</summary>
    public static void Update(IDocumentSession session, WebhookDelivery d)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        session.QueueSqlCommand($"update {schema}.webhook_deliveries set status = ?, failed_attempts = ?, next_attempt_at = ?, claimed_until = null, claim = null where id = ?",
            d.Status.ToString(), d.FailedAttempts, d.NextAttemptAt, d.Id);
    }

    public async Task<WebhookDelivery?> FindAsync(string tenantId, string endpointId, string id, CancellationToken ct)
    {
        await using var command = databases.For(tenantId).CreateCommand(
            $"select {Columns} from {schema}.webhook_deliveries where id = $1 and tenant_id = $2 and endpoint_id = $3");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = endpointId });
        return (await ReadDeliveriesAsync(command, ct)).SingleOrDefault();
    }

    /// <summary>
    /// An endpoint's latest deliveries, newest first, each with its latest attempts, oldest first. Both reads see one
    /// snapshot: read apart, an attempt committed between them showed beside the delivery's next attempt time from
    /// before it, and a client that scheduled its retry from that time waited for one already past.
    /// </summary>
    public async Task<IReadOnlyList<(WebhookDelivery Delivery, IReadOnlyList<DeliveryAttempt> Attempts)>> LogAsync(
        string tenantId, string endpointId, int limit, CancellationToken ct)
    {
        await using var connection = await databases.For(tenantId).OpenConnectionAsync(ct);
        await using var snapshot = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using var command = new NpgsqlCommand(
            $"select {Columns} from {schema}.webhook_deliveries where tenant_id = $1 and endpoint_id = $2 order by created_at desc, seq desc limit $3",
            connection, snapshot);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = endpointId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var deliveries = await ReadDeliveriesAsync(command, ct);

        await using var attemptsCommand = new NpgsqlCommand($"""
            select delivery_id, attempted_at, status_code, latency_ms, error from (
                select a.*, row_number() over (partition by delivery_id order by attempted_at desc) as newest
                from {schema}.webhook_attempts a where delivery_id = any($1)) latest
            where newest <= {AttemptsShown} order by attempted_at
            """, connection, snapshot);
        attemptsCommand.Parameters.Add(new NpgsqlParameter { Value = deliveries.Select(d => d.Id).ToArray() });
        var attempts = new Dictionary<string, List<DeliveryAttempt>>();
        await using (var reader = await attemptsCommand.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                if (!attempts.TryGetValue(id, out var list))
                    attempts[id] = list = [];
                list.Add(new DeliveryAttempt(reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetInt32(2),
                    reader.GetInt64(3), reader.IsDBNull(4) ? null : reader.GetString(4)));
            }
        }
        return [.. deliveries.Select(d => (d, (IReadOnlyList<DeliveryAttempt>)(attempts.GetValueOrDefault(d.Id) ?? [])))];
    }

    /// <summary>
    /// Listens for commits that announce new deliveries, on a connection to each database, until the token ends or one of
    /// them fails (which ends the others, so the caller reconnects them all).
    /// </summary>
    public Task ListenAsync(Func<NpgsqlConnection, CancellationToken, Task> whileListening, CancellationToken ct) =>
        databases.OnEachAsync((database, listening) => ListenAsync(database, whileListening, listening), ct);

    private async Task ListenAsync(NpgsqlDataSource database, Func<NpgsqlConnection, CancellationToken, Task> whileListening, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using (var listen = new NpgsqlCommand($"listen \"{Channel(schema)}\"", connection))
            await listen.ExecuteNonQueryAsync(ct);
        try
        {
            await whileListening(connection, ct);
        }
        finally
        {
            // Pooled connections are not reset on return (see StartupChecks): stop listening before this one goes back.
            // A broken connection is not pooled again, so there is nothing to undo.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var unlisten = new NpgsqlCommand("unlisten *", connection);
                await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<IReadOnlyList<WebhookDelivery>> ReadDeliveriesAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var found = new List<WebhookDelivery>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found.Add(new WebhookDelivery(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4),
                reader.GetInt64(5), reader.GetString(6), reader.GetString(7), Enum.Parse<DeliveryStatus>(reader.GetString(8)), reader.GetInt32(9),
                reader.GetFieldValue<DateTimeOffset>(10), reader.GetFieldValue<DateTimeOffset>(11)));
        }
        return found;
    }
}
