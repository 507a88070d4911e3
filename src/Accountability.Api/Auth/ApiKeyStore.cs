using Accountability.Api.Setup;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Auth;

/// <summary>Finds the key behind a presented secret, with a short cache so each request does not read it again.</summary>
public sealed class ApiKeyStore(IDocumentStore store, IMemoryCache cache, IOptions<AccountabilityOptions> options)
{
    private readonly TimeSpan cacheFor = TimeSpan.FromSeconds(options.Value.ApiKeyCacheSeconds);

    public async Task<ApiKey?> FindActiveAsync(string presented, CancellationToken ct)
    {
        if (!ApiKeySecrets.TryParse(presented, out var id, out var secret))
            return null;
        var key = await cache.GetOrCreateAsync(CacheKey(id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = cacheFor;
            await using var session = store.QuerySession();
            return await session.LoadAsync<ApiKey>(id, ct);
        });
        return key is { IsRevoked: false } && ApiKeySecrets.Matches(secret, key.SecretHash) ? key : null;
    }

    /// <summary>Drops a key from this node's cache at once, so a revocation holds here without delay.</summary>
    public void Forget(string id) => cache.Remove(CacheKey(id));

    private static string CacheKey(string id) => $"api-key:{id}";
}
