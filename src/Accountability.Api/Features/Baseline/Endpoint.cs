#if BENCHMARK
using Accountability.Api.Auth;
using FastEndpoints;
using Marten;
using Npgsql;
using HandOffRequest = Accountability.Api.Features.Complaints.HandOff.Request;

namespace Accountability.Api.Features.Baseline;

/// <summary>
/// The benchmark's yardstick, compiled only with -p:Benchmark=true: a handoff's HTTP work (key, binding, validation)
/// and one durable row written with raw Npgsql, nothing else. bench/bench.sh reports each write against it.
/// </summary>
public sealed class Endpoint(NpgsqlDataSource database, IDocumentStore store) : Endpoint<HandOffRequest>
{
    private static readonly SemaphoreSlim Once = new(1);
    private static bool created;

    public override void Configure()
    {
        Post("baseline/complaints/{id:guid}/handoffs");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Description(d => d.ExcludeFromDescription());
    }

    public override async Task HandleAsync(HandOffRequest r, CancellationToken ct)
    {
        var table = $"{store.Options.DatabaseSchemaName}.bench_baseline";
        await CreateAsync(table, ct);
        await using var insert = database.CreateCommand($"insert into {table} (complaint_id, party, body) values ($1, $2, $3::jsonb)");
        insert.Parameters.Add(new NpgsqlParameter { Value = Route<Guid>("id") });
        insert.Parameters.Add(new NpgsqlParameter { Value = User.PartyId() });
        insert.Parameters.Add(new NpgsqlParameter { Value = System.Text.Json.JsonSerializer.Serialize(r) });
        await insert.ExecuteNonQueryAsync(ct);
        await Send.OkAsync(new { complaint = Route<Guid>("id"), to = r.To }, ct);
    }

    private async Task CreateAsync(string table, CancellationToken ct)
    {
        if (Volatile.Read(ref created))
            return;
        await Once.WaitAsync(ct);
        try
        {
            await using var create = database.CreateCommand(
                $"create table if not exists {table} (seq bigserial primary key, complaint_id uuid not null, party text not null, body jsonb not null)");
            await create.ExecuteNonQueryAsync(ct);
            Volatile.Write(ref created, true);
        }
        finally
        {
            Once.Release();
        }
    }
}
#endif
