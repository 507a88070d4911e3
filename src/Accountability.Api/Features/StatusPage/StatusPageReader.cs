using Accountability.Api.Features.Policies;
using Accountability.Api.Setup;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.StatusPage;

/// <summary>A status page found by its token, with what rendering it needs of its tenant: parties' names and the policy's deadlines.</summary>
public sealed record FoundPage(StatusPageDocument Page, PartyDirectory Parties, Policy Policy);

/// <summary>Finds status pages by token: one indexed read of the read model; the tenant's parties and policy are cached briefly.</summary>
public sealed class StatusPageReader(IDocumentStore store, IMemoryCache cache, IOptions<AccountabilityOptions> options)
{
    public async Task<FoundPage?> FindAsync(string token, CancellationToken ct)
    {
        // Every miss costs the same query, so a malformed, unknown or revoked token cannot be told apart by timing.
        var hash = TrackingToken.Hash(token);
        await using var session = store.QuerySession();
        var page = await session.Query<StatusPageDocument>().Where(p => p.AnyTenant() && p.TokenHash == hash).FirstOrDefaultAsync(ct);
        if (page is null || !TrackingToken.IsWellFormed(token))
            return null;
        var (parties, policy) = await TenantAsync(page.Tenant, ct);
        return new FoundPage(page, parties, policy);
    }

    private async Task<(PartyDirectory, Policy)> TenantAsync(string tenant, CancellationToken ct) =>
        await cache.GetOrCreateAsync($"status-page:{tenant}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(options.Value.ApiKeyCacheSeconds);
            await using var session = store.QuerySession(tenant);
            var batch = session.CreateBatchQuery();
            var parties = batch.Query<Party>().ToList();
            var policy = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
            await batch.Execute(ct);
            return (new PartyDirectory(await parties), PolicyDocument.Current(await policy));
        });
}
