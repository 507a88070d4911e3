using Accountability.Api.Http;
using JasperFx.Events;
using Marten;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Commands;

/// <summary>
/// The store's side of every command's stream write, whatever the stream: fetched for writing on the write's one batch,
/// held to the version the caller expects (If-Match), then started or appended to. The caller saves.
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
}
