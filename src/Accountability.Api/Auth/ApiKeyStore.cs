using Accountability.Api.Telemetry;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Auth;

/// <summary>
/// Finds the key behind a presented secret. A key found is kept for ApiKeyCacheSeconds, so each request does not read it
/// again; an id the store does not hold is remembered as long, in a bounded cache of its own, so a client repeating a
/// wrong key costs one lookup and a flood of made-up ids can neither grow memory nor push the real keys out.
/// </summary>
public sealed class ApiKeyStore(IDocumentStore store, IMemoryCache cache, IOptions<ApiKeyOptions> options) : IDisposable
{
    private const int UnknownIdsKept = 10_000;

    private readonly TimeSpan cacheFor = TimeSpan.FromSeconds(options.Value.ApiKeyCacheSeconds);
    private readonly MemoryCache unknown = new(new MemoryCacheOptions { SizeLimit = UnknownIdsKept });

    /// <param name="cachedOnly">Answer from the caches alone: an id they do not know counts as unknown.</param>
    public async Task<ApiKey?> FindActiveAsync(string presented, CancellationToken ct, bool cachedOnly = false)
    {
        if (!ApiKeySecrets.TryParse(presented, out var id, out var secret) || unknown.TryGetValue(id, out _))
            return null;
        if (!cache.TryGetValue(CacheKey(id), out ApiKey? key))
        {
            if (cachedOnly)
                return null;
            await using (var session = store.QuerySession())
                key = await session.LoadAsync<ApiKey>(id, ct);
            ProductMetrics.ApiKeyLookup(found: key is not null);
            if (cacheFor > TimeSpan.Zero && key is null)
                unknown.Set(id, true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = cacheFor });
            else if (cacheFor > TimeSpan.Zero)
                cache.Set(CacheKey(id), key, cacheFor);
        }
        return key is { IsRevoked: false } && ApiKeySecrets.Matches(secret, key.SecretHash) ? key : null;
    }

    /// <summary>
    /// Drops what this node remembers of a key id: a revoked key stops working here at once, and a key created here works
    /// at once even if its id was sent before it existed. (Another node may remember such an id as unknown for up to
    /// ApiKeyCacheSeconds; ids are 64 random bits, so only a guess that hit could have been sent before.)
    /// </summary>
    public void Forget(string id)
    {
        cache.Remove(CacheKey(id));
        unknown.Remove(id);
    }

    public void Dispose() => unknown.Dispose();

    private static string CacheKey(string id) => $"api-key:{id}";
}
