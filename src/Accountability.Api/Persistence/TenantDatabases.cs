using Marten;
using Npgsql;

namespace Accountability.Api.Persistence;

/// <summary>
/// The databases the SQL beside Marten runs on: which one holds a marketplace's rows, and all of them for the work that
/// loops over every marketplace. By default one database holds everything; with groups configured the master holds the
/// registry and each group's database its marketplaces (decision 0049). Nothing is prepared on these connections: a
/// prepared statement may settle on a generic plan, and the outbox's claim query's generic plan scans the whole backlog
/// (30 s at 13,000).
/// </summary>
public sealed class TenantDatabases : IAsyncDisposable
{
    private readonly Dictionary<string, NpgsqlDataSource> byTenant = new(StringComparer.Ordinal);

    public TenantDatabases(string connectionString, IReadOnlyList<TenantDatabaseGroup> groups)
    {
        Master = Build(connectionString);
        var all = new List<NpgsqlDataSource> { Master };
        foreach (var group in groups)
        {
            var source = Build(group.ConnectionString);
            all.Add(source);
            foreach (var tenant in group.Tenants)
                byTenant[tenant] = source;
        }
        All = all;
    }

    /// <summary>The database of the main connection string: the only one by default, the registry's with groups.</summary>
    public NpgsqlDataSource Master { get; }

    /// <summary>Every database, the master first; background work claims on each in turn.</summary>
    public IReadOnlyList<NpgsqlDataSource> All { get; }

    public bool AreGrouped => All.Count > 1;

    /// <summary>The database holding the marketplace's rows.</summary>
    public NpgsqlDataSource For(string tenantId) => byTenant.GetValueOrDefault(tenantId) ?? Master;

    /// <summary>Whether the marketplace's rows share the master's database, so one transaction may write both.</summary>
    public bool SharesMaster(string tenantId) => For(tenantId) == Master;

    /// <summary>Whether the marketplace may be used: always with one database; with groups, only one a group lists.</summary>
    public bool HasPlaceFor(string tenantId) => !AreGrouped || byTenant.ContainsKey(tenantId);

    /// <summary>
    /// Claims up to <paramref name="limit"/> rows from each database in turn, the master first, each asked for what is still
    /// wanted, so a claim never spans two databases' transactions (decision 0049).
    /// </summary>
    public async Task<List<T>> ClaimFromEachAsync<T>(int limit, Func<NpgsqlDataSource, int, Task<IReadOnlyList<T>>> claim)
    {
        var claimed = new List<T>();
        foreach (var database in All)
        {
            if (claimed.Count >= limit)
                break;
            claimed.AddRange(await claim(database, limit - claimed.Count));
        }
        return claimed;
    }

    /// <summary>
    /// A session on the master for reading a marketplace's keys when its own session is elsewhere; null when the caller's
    /// session already reads the master's database.
    /// </summary>
    public IQuerySession? MasterSessionFor(IQuerySession session) =>
        SharesMaster(session.TenantId) ? null : session.DocumentStore.QuerySession();

    /// <summary>
    /// Writes documents of the master (keys) for a marketplace: in the caller's session, so in its transaction, when the
    /// marketplace shares the master's database; otherwise in a transaction of their own on the master, committed first.
    /// </summary>
    public async Task WriteMasterAsync(IDocumentSession session, string tenantId, Action<IDocumentOperations> write, CancellationToken ct)
    {
        if (SharesMaster(tenantId))
        {
            write(session);
            return;
        }
        await using var master = session.DocumentStore.LightweightSession();
        write(master);
        await master.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Writes a marketplace's own documents from a session on the master (the registry's): in its transaction when the
    /// marketplace shares the master's database; otherwise in a transaction of their own on the marketplace's, committed first.
    /// </summary>
    public async Task WriteTenantAsync(IDocumentSession master, string tenantId, Action<IDocumentOperations> write, CancellationToken ct)
    {
        if (SharesMaster(tenantId))
        {
            write(master.ForTenant(tenantId));
            return;
        }
        await using var own = master.DocumentStore.LightweightSession(tenantId);
        write(own);
        await own.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on every database side by side until each ends; when one fails, the others are
    /// cancelled, so the caller starts them all again (a listener per database).
    /// </summary>
    public async Task OnEachAsync(Func<NpgsqlDataSource, CancellationToken, Task> work, CancellationToken ct)
    {
        using var anyFailed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAll(All.Select(async database =>
        {
            try
            {
                await work(database, anyFailed.Token);
            }
            catch
            {
                await anyFailed.CancelAsync();
                throw;
            }
        }));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var source in All)
            await source.DisposeAsync();
    }

    private static NpgsqlDataSource Build(string connectionString) =>
        new NpgsqlDataSourceBuilder(connectionString) { ConnectionStringBuilder = { MaxAutoPrepare = 0 } }.Build();
}
