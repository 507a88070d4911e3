using Accountability.Api.Http;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Services.BatchQuerying;
using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Commands;

/// <summary>
/// The store's side of every stream write, whatever the stream. One stream at a time (commands): fetched for writing on
/// the write's one batch, held to the version the caller expects (If-Match), then started or appended to. Batched (the
/// import): many new streams copied at once (<see cref="CopyAsync"/>), streams read before appended to at the version
/// read. The caller saves.
/// </summary>
public static class StreamWrite
{
    public static Task<IEventStream<TState>> Fetch<TState>(IBatchedQuery batch, Guid id) where TState : class =>
        batch.Events.FetchForWriting<TState>(id);

    /// <summary>Refuses with 412, naming If-Match, when the stream is not at the version the caller read.</summary>
    public static void Expect<TState>(IEventStream<TState>? stream, long? expectedVersion, string what) where TState : class
    {
        if (expectedVersion is { } expected && expected != (stream?.StartingVersion ?? 0))
            throw ProblemException.Naming(ProblemKind.PreconditionFailed, "If-Match",
                $"If-Match names version {expected} but the {what} is at version {stream?.StartingVersion}.");
    }

    /// <summary>Appends to the fetched stream, or starts the stream when nothing was fetched (the command creates it).</summary>
    public static void Append<TState>(IDocumentSession session, Guid id, IEventStream<TState>? fetched, IReadOnlyList<object> events) where TState : class
    {
        if (fetched is null)
            session.Events.StartStream<TState>(id, events);
        else
            fetched.AppendMany(events);
    }

    /// <summary>Appends to a stream read at <paramref name="readVersion"/>, expecting it there still: a concurrent write fails the save.</summary>
    public static void Append(IDocumentSession session, Guid id, long readVersion, IReadOnlyList<object> events) =>
        session.Events.Append(id, readVersion + events.Count, events);

    /// <summary>
    /// Starts new streams with COPY, in the session's transaction (begun here; the caller's save commits it): Marten's bulk
    /// event path commits on its own and runs no inline projection (decision 0014), so the caller writes the documents
    /// those would. Events take their sequence numbers from the store's sequence, so the async projections see them as any
    /// append.
    /// </summary>
    public static async Task CopyAsync<TState>(IDocumentSession session, IReadOnlyList<(Guid Id, IReadOnlyList<object> Events)> streams,
        DateTimeOffset at, CancellationToken ct) where TState : class
    {
        await session.BeginTransactionAsync(ct);
        var connection = session.Connection!;
        var events = (EventGraph)session.DocumentStore.Options.Events;
        var schema = events.DatabaseSchemaName;
        var sequence = await SequenceNumbersAsync(connection, schema, streams.Sum(s => s.Events.Count), ct);
        var tenant = session.TenantId;
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.mt_streams (tenant_id, id, type, version, timestamp, created) FROM STDIN (FORMAT BINARY)", ct))
        {
            var type = events.AggregateAliasFor(typeof(TState));
            foreach (var (id, stream) in streams)
                await copy.WriteRowAsync(ct, tenant, id, type, (long)stream.Count, at, at);
            await copy.CompleteAsync(ct);
        }
        var serializer = session.DocumentStore.Options.Serializer();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, user_name) " +
            "FROM STDIN (FORMAT BINARY)", ct))
        {
            var next = 0;
            foreach (var (id, stream) in streams)
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
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Varchar, ct);

    private static async Task<long[]> SequenceNumbersAsync(NpgsqlConnection connection, string schema, int count, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select nextval('{schema}.mt_events_sequence') from generate_series(1, {count})", connection);
        var numbers = new List<long>(count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            numbers.Add(reader.GetInt64(0));
        return [.. numbers];
    }
}
