using System.Security.Cryptography;
using Accountability.Api.Auth;
using Marten;

namespace Accountability.Api.Features.Dashboard;

/// <summary>
/// An operator signed in to the dashboard. The id is the SHA-256 of the random value in the browser's cookie: whoever
/// reads the database cannot use a session. It names the key it was opened with, so revoking the key ends it.
/// </summary>
public sealed record DashboardSession(string Id, string TenantId, string PartyId, string KeyId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

/// <summary>Opens, finds and ends dashboard sessions. A session lasts <see cref="Lifetime"/> from sign-in, however busy.</summary>
public sealed class DashboardSessions(IDocumentStore store, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>Opens a session for an operator key and returns the value for the cookie (shown to the browser only).</summary>
    public async Task<(string CookieValue, DashboardSession Session)> OpenAsync(ApiKey key, CancellationToken ct)
    {
        var value = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var session = new DashboardSession(ApiKeySecrets.Hash(value), key.TenantId, key.PartyId, key.Id, now, now + Lifetime);
        await using var write = store.LightweightSession();
        write.Insert(session);
        // Sign-ins are rare: clearing sessions that ran out here keeps the table small without a background job.
        write.DeleteWhere<DashboardSession>(s => s.ExpiresAt < now);
        await write.SaveChangesAsync(ct);
        return (value, session);
    }

    /// <summary>The session behind a cookie value, if it has not expired and its key is not revoked; otherwise null.</summary>
    public async Task<DashboardSession?> FindAsync(string cookieValue, CancellationToken ct)
    {
        if (cookieValue.Length is 0 or > 100)
            return null;
        await using var query = store.QuerySession();
        if (await query.LoadAsync<DashboardSession>(ApiKeySecrets.Hash(cookieValue), ct) is not { } session || session.ExpiresAt <= clock.GetUtcNow())
            return null;
        // Read the key fresh on every request: a revocation ends its sessions at once, on every node.
        return await query.LoadAsync<ApiKey>(session.KeyId, ct) is { IsRevoked: false, Role: ApiKeyRole.Operator } ? session : null;
    }

    public async Task EndAsync(string id, CancellationToken ct)
    {
        await using var write = store.LightweightSession();
        write.Delete<DashboardSession>(id);
        await write.SaveChangesAsync(ct);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
