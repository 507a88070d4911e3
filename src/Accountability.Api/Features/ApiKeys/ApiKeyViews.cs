using Accountability.Api.Auth;
using Accountability.Api.Commands;

namespace Accountability.Api.Features.ApiKeys;

/// <summary>A key as listed: never its secret or hash.</summary>
public sealed record ApiKeyView(string Id, string PartyId, ApiKeyRole Role, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView Of(ApiKey k) => new(k.Id, k.PartyId, k.Role, k.Name, k.CreatedAt, k.RevokedAt);
}

/// <param name="Key">The secret to send in X-Api-Key. Shown in this response only: it is stored hashed.</param>
public sealed record CreatedApiKey(string Id, string PartyId, ApiKeyRole Role, string Name, DateTimeOffset CreatedAt, string? Key)
    : IShowsSecretOnce
{
    public object WithoutSecret() => this with { Key = null };
}
