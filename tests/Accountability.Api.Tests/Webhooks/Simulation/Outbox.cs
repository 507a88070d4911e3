using Accountability.Api.Features.Webhooks;
using Marten;
using Npgsql;

namespace Accountability.Api.Tests.Webhooks.Simulation;

/// <summary>The simulation's view of the outbox tables: it seeds deliveries and reads where they stand.</summary>
public sealed class Outbox(IDocumentStore store, string tenant)
{
    private readonly string schema = store.Options.DatabaseSchemaName;

    /// <summary>Queues deliveries as the write path does, with a body naming the complaint's lane and version.</summary>
    public async Task SeedAsync(IEnumerable<(string Id, string EndpointId, Guid Complaint, long Version)> deliveries, DateTimeOffset now)
    {
        await using var session = store.LightweightSession(tenant);
        foreach (var (id, endpoint, complaint, version) in deliveries)
        {
            var body = $$"""{"lane":"{{endpoint}}/{{complaint}}","version":{{version}}}""";
            DeliveryTable.Insert(session, new WebhookDelivery(id, tenant, endpoint, "acme", complaint, version, "complaint.assigned", body,
                DeliveryStatus.Pending, 0, now, now));
        }
        await session.SaveChangesAsync();
    }

    /// <summary>
    /// How many deliveries are pending, and when the earliest one that a dispatcher could claim falls due: first in its
    /// lane, its endpoint enabled, not held by a live claim. Null when none could be claimed.
    /// </summary>
    public async Task<(int Pending, DateTimeOffset? NextDue)> StateAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select count(*)::int, min(d.next_attempt_at) filter (where (d.claimed_until is null or d.claimed_until < now())
                and not exists (select 1 from {schema}.mt_doc_webhookendpoint w
                    where w.tenant_id = d.tenant_id and w.id = d.endpoint_id and (w.data ->> 'enabled')::boolean = false)
                and not exists (select 1 from {schema}.webhook_deliveries e where e.status = 'Pending' and e.endpoint_id = d.endpoint_id
                    and e.complaint_id = d.complaint_id and (e.complaint_version, e.seq) < (d.complaint_version, d.seq)))
            from {schema}.webhook_deliveries d where d.status = 'Pending' and d.tenant_id = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Every delivery's status, by id.</summary>
    public async Task<Dictionary<string, DeliveryStatus>> StatusesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"select id, status from {schema}.webhook_deliveries where tenant_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        var found = new Dictionary<string, DeliveryStatus>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found[reader.GetString(0)] = Enum.Parse<DeliveryStatus>(reader.GetString(1));
        return found;
    }

    /// <summary>
    /// Deliveries a dispatcher attempted again after it had recorded a 200 for them: what the sender saw, not what the
    /// receiver sent (a 200 written after the sender's timeout never reached it, and its retry is right).
    /// </summary>
    public async Task<List<string>> AttemptedAgainAfterA200Async()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"""
            select distinct ok.delivery_id from {schema}.webhook_attempts ok
            join {schema}.webhook_deliveries d on d.id = ok.delivery_id and d.tenant_id = $1
            where ok.status_code = 200 and exists (select 1 from {schema}.webhook_attempts later
                where later.delivery_id = ok.delivery_id and later.attempted_at > ok.attempted_at)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = tenant });
        var found = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            found.Add(reader.GetString(0));
        return found;
    }

    /// <summary>The claim columns of a delivery: whether a dispatcher holds it, and when it is due.</summary>
    public async Task<(bool Claimed, DateTimeOffset NextAttemptAt)> ClaimOfAsync(string id)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand($"select claimed_until is not null, next_attempt_at from {schema}.webhook_deliveries where id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetBoolean(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
