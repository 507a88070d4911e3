using Accountability.Api.Auth;
using Accountability.Api.Features.Complaints.TrackingLinks;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Policies;
using Accountability.Api.Persistence;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Accountability.Api.Features.StatusPage;

/// <summary>A status page found by its token, with what rendering it needs of its tenant: parties' names and the policy's deadlines.</summary>
public sealed record FoundPage(StatusPageDocument Page, PartyDirectory Parties, Policy Policy, TimeSpan ReopenWindow)
{
    /// <summary>The page in the customer's words, as it stands at <paramref name="now"/>.</summary>
    public StatusPageView View(DateTimeOffset now) => StatusPageView.Of(Page.Status, Parties, Policy, ReopenWindow, now);
}

/// <summary>
/// Finds status pages by token: one indexed read of the read model, in plain SQL as it is the most frequent request
/// the service answers; the tenant's parties and policy are cached briefly.
/// </summary>
public sealed class StatusPageReader(IDocumentStore store, TenantDatabases databases, IMemoryCache cache, IOptions<ComplaintOptions> complaints, IOptions<ApiKeyOptions> keys)
{
    private readonly string byToken =
        $"select data from {store.Options.FindOrResolveDocumentType(typeof(StatusPageDocument)).TableName.QualifiedName} where token_hash = $1 limit 1";

    public async Task<FoundPage?> FindAsync(string token, CancellationToken ct)
    {
        // Every miss costs the same queries, so a malformed, unknown or revoked token cannot be told apart by timing. The
        // token names no tenant: with a database per group of tenants, each is asked in turn (decision 0049).
        StatusPageDocument? page = null;
        foreach (var database in databases.All)
        {
            await using var command = database.CreateCommand(byToken);
            command.Parameters.Add(new NpgsqlParameter { Value = TrackingToken.Hash(token) });
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct))
            {
                page = store.Options.Serializer().FromJson<StatusPageDocument>(reader, 0);
                break;
            }
        }
        if (page is null || !TrackingToken.IsWellFormed(token))
            return null;
        var (parties, policy) = await TenantAsync(page.Tenant, ct);
        return new FoundPage(page, parties, policy, TimeSpan.FromDays(complaints.Value.ReopenWindowDays));
    }

    private async Task<(PartyDirectory, Policy)> TenantAsync(string tenant, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"status-page:{tenant}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(keys.Value.ApiKeyCacheSeconds);
            await using var session = store.QuerySession(tenant);
            var batch = session.CreateBatchQuery();
            var parties = batch.Query<Party>().ToList();
            var policy = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
            await batch.Execute(ct);
            return (new PartyDirectory(await parties), PolicyDocument.Current(await policy));
        });
}
