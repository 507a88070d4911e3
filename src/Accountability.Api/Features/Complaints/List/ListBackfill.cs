using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;
using Npgsql;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>
/// Writes the list rows of the complaints that have none: those written before the list had its own rows (decision 0032).
/// Runs once as a node starts; a row a live write put there first wins, so nodes starting together do no harm.
/// </summary>
public sealed class ListBackfill(IDocumentStore store, TenantDatabases databases, WriteContextCache contexts, ILogger<ListBackfill> logger)
    : BackgroundService
{
    private const int Page = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (await FillMissingAsync(stoppingToken) is > 0 and var filled)
                logger.LogInformation("Wrote the list rows of {Complaints} complaints written before the list had its own", filled);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Writing the missing list rows failed; the next start tries again");
        }
    }

    /// <summary>Writes every missing row, a page at a time; returns how many it wrote.</summary>
    public async Task<int> FillMissingAsync(CancellationToken ct)
    {
        var written = 0;
        foreach (var database in databases.All)
            written += await FillMissingAsync(database, ct);
        return written;
    }

    private async Task<int> FillMissingAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        var schema = store.Options.DatabaseSchemaName;
        var serializer = store.Options.Serializer();
        var written = 0;
        while (true)
        {
            var missing = new List<(string Tenant, Complaint Complaint)>();
            await using (var command = database.CreateCommand($"""
                select c.tenant_id, c.data from {schema}.mt_doc_complaint c
                where not exists (select 1 from {schema}.{ComplaintListTable.Name} l where l.tenant_id = c.tenant_id and l.id = c.id)
                order by c.tenant_id limit {Page}
                """))
            await using (var reader = await command.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                    missing.Add((reader.GetString(0), serializer.FromJson<Complaint>(reader, 1)));
            foreach (var tenant in missing.GroupBy(m => m.Tenant))
            {
                await using var session = store.LightweightSession(tenant.Key);
                var batch = session.CreateBatchQuery();
                var contextQuery = contexts.Queue(session, batch);
                await batch.Execute(ct);
                var context = await contextQuery();
                foreach (var (_, complaint) in tenant)
                    ComplaintListTable.Write(session, complaint, RunningClock.Of(complaint, context.Policy, context.Parties), replace: false);
                await session.SaveChangesAsync(ct);
            }
            written += missing.Count;
            if (missing.Count < Page)
                return written;
        }
    }
}
