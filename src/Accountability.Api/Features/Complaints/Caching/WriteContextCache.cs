using System.Collections.Concurrent;
using Marten;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints.Caching;

/// <summary>
/// Each tenant's <see cref="WriteContext"/>, kept in memory between writes. A write reads the tenant's versions in its own
/// batch and uses the cached context only when they are the ones it was loaded at, so a change made on any node is seen
/// by the next write even when its notification never arrived; notifications only spare that write a second round trip.
/// </summary>
public sealed class WriteContextCache(IDocumentStore store, IEnumerable<IWriteContextPart> owned)
{
    private sealed record Entry(ContextVersions Versions, WriteContext Context);

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly string schema = store.Options.DatabaseSchemaName;
    private readonly IReadOnlyList<IWriteContextPart> owned = owned.ToList();

    /// <summary>
    /// Queues what the session's tenant's context needs on the batch: its versions, and the parts too when none are cached.
    /// Await the result after the batch has run; a stale part costs one more round trip.
    /// </summary>
    public Func<Task<WriteContext>> Queue(IQuerySession session, IBatchedQuery batch)
    {
        var tenant = session.TenantId;
        // The versions first: each statement of the batch reads its own snapshot, so the parts read after them are at
        // least as new as the versions they are stored with; never older, which would let a stale part pass the check.
        var versionsQuery = ContextVersions.Queue(batch, schema, tenant);
        entries.TryGetValue(tenant, out var cached);
        var partsQuery = cached is null ? WriteContext.Queue(batch, ContextPart.All, owned, null) : null;
        return async () =>
        {
            var versions = await versionsQuery;
            if (cached is not null && cached.Versions == versions)
                return cached.Context;
            var context = partsQuery is not null ? await partsQuery() : await ReloadAsync(session, cached!, versions);
            entries[tenant] = new Entry(versions, context);
            return context;
        };
    }

    /// <summary>Drops a tenant's context: it changed on some node.</summary>
    public void Forget(string tenantId) => entries.TryRemove(tenantId, out _);

    /// <summary>Drops every tenant's context: changes may have gone unannounced (the listener was down).</summary>
    public void ForgetAll() => entries.Clear();

    private async Task<WriteContext> ReloadAsync(IQuerySession session, Entry stale, ContextVersions versions)
    {
        var batch = session.CreateBatchQuery();
        var partsQuery = WriteContext.Queue(batch, stale.Versions.Differing(versions), owned, stale.Context);
        await batch.Execute();
        return await partsQuery();
    }
}
