using Accountability.Api.Features.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Marten;
using Marten.Events;
using Marten.Internal.Storage;
using Marten.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Features.Imports;

/// <summary>
/// Writes the streams of a batch's new cases with COPY, in the batch's own transaction, with the documents their inline
/// projections would write, folded the same way (the <see cref="StatusPageDocument"/> copied, the complaint stored with
/// the session), and each case's <see cref="ImportedCase"/>, copied (decision 0026). Marten's bulk event path commits
/// on its own and runs no inline projection (decision 0014).
/// Events take their sequence numbers from the store's sequence, so the async projections see them as any append.
/// </summary>
public sealed class NewCaseStreams(IDocumentStore store, TimeProvider clock)
{
    private readonly List<(Guid Id, IReadOnlyList<IComplaintEvent> Events, Complaint After)> streams = [];
    private readonly List<ImportedCase> cases = [];

    /// <param name="after">The complaint the events fold to, as the caller has already folded it.</param>
    /// <param name="imported">What was imported of the case, kept beside its complaint.</param>
    public void Start(Guid id, IReadOnlyList<IComplaintEvent> events, Complaint after, ImportedCase imported)
    {
        streams.Add((id, events, after));
        cases.Add(imported);
    }

    /// <summary>Copies the streams, their events and their documents into the session's transaction.</summary>
    public async Task WriteAsync(IDocumentSession session, CancellationToken ct)
    {
        if (streams.Count == 0)
            return;
        await session.BeginTransactionAsync(ct);
        var connection = session.Connection!;
        var events = (EventGraph)store.Options.Events;
        var schema = events.DatabaseSchemaName;
        var sequence = await SequenceNumbersAsync(connection, schema, streams.Sum(s => s.Events.Count), ct);
        var (tenant, at) = (session.TenantId, clock.GetUtcNow());
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.mt_streams (tenant_id, id, type, version, timestamp, created) FROM STDIN (FORMAT BINARY)", ct))
        {
            var type = events.AggregateAliasFor(typeof(Complaint));
            foreach (var (id, stream, _) in streams)
                await copy.WriteRowAsync(ct, tenant, id, type, (long)stream.Count, at, at);
            await copy.CompleteAsync(ct);
        }
        var serializer = store.Options.Serializer();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, user_name) " +
            "FROM STDIN (FORMAT BINARY)", ct))
        {
            var next = 0;
            foreach (var (id, stream, _) in streams)
            {
                for (var v = 0; v < stream.Count; v++)
                {
                    var mapping = events.EventMappingFor(stream[v].GetType());
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(sequence[next++], NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(v + 1L, NpgsqlDbType.Bigint, ct);
                    await copy.WriteAsync(serializer.ToJson(stream[v]), NpgsqlDbType.Jsonb, ct);
                    await copy.WriteAsync(mapping.EventTypeName, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, ct);
                    await copy.WriteAsync(tenant, NpgsqlDbType.Varchar, ct);
                    await copy.WriteAsync(mapping.DotNetTypeName, NpgsqlDbType.Varchar, ct);
                    await WriteNullableAsync(copy, session.CorrelationId, ct);
                    await WriteNullableAsync(copy, session.LastModifiedBy, ct);
                }
            }
            await copy.CompleteAsync(ct);
        }
        // The status pages and imported cases are new as their streams are: copied too, in the same transaction. The
        // complaints are stored with the session, whose save commits the transaction (a save with nothing to write would
        // leave it open, and roll it back).
        await CopyStatusPagesAsync(connection, tenant, ct);
        var tenancy = await store.Options.Tenancy.GetTenantAsync(tenant);
        await ((MartenDocumentProvider<ImportedCase>)tenancy.Database.Providers.StorageFor<ImportedCase>()).BulkLoader
            .LoadAsync(tenancy, serializer, connection, cases, ct);
        foreach (var (_, _, after) in streams)
            session.Store(after);
    }

    /// <summary>
    /// The status pages the inline projection folds from the new streams, once they have one, at the stream's version as
    /// the projection writes them (Marten's bulk loader would write version 1).
    /// </summary>
    private async Task CopyStatusPagesAsync(NpgsqlConnection connection, string tenant, CancellationToken ct)
    {
        var table = store.Options.FindOrResolveDocumentType(typeof(StatusPageDocument)).TableName.QualifiedName;
        var serializer = store.Options.Serializer();
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} (tenant_id, id, data, mt_dotnet_type, mt_version, token_hash) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var (id, stream, _) in streams)
        {
            if (stream.Aggregate((CustomerStatus?)null, CustomerStatus.Evolve) is not { } page)
                continue;
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(tenant, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync(id, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(serializer.ToJson(new StatusPageDocument(id, tenant, page.TokenHash, page)), NpgsqlDbType.Jsonb, ct);
            await copy.WriteAsync(typeof(StatusPageDocument).FullName, NpgsqlDbType.Varchar, ct);
            await copy.WriteAsync((long)stream.Count, NpgsqlDbType.Bigint, ct);
            await WriteNullableAsync(copy, page.TokenHash, ct);
        }
        await copy.CompleteAsync(ct);
    }

    private static async Task<long[]> SequenceNumbersAsync(NpgsqlConnection connection, string schema, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence') from generate_series(1, {count})", connection);
        var numbers = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            numbers.Add(reader.GetInt64(0));
        return [.. numbers];
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);
}
