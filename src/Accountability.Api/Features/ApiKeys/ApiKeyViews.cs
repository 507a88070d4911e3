using Accountability.Api.Auth;
using Accountability.Api.Commands;

namespace Accountability.Api.Features.ApiKeys;

/// <summary>A key as listed: never its secret or hash.</summary>
/// <param name="Id">The key's id, the part between acc_ and the secret; use it to revoke the key.</param>
/// <param name="PartyId">The party the key acts for: store for an operator key, the vendor's id for a vendor key.</param>
/// <param name="Name">The label given to the key when it was created.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="RevokedAt">When the key was revoked; null while it still works.</param>
public sealed record ApiKeyView(string Id, string PartyId, ApiKeyRole Role, string Name, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public static ApiKeyView Of(ApiKey k) => new(k.Id, k.PartyId, k.Role, k.Name, k.CreatedAt, k.RevokedAt);
}

/// <param name="Id">The key's id, the part between acc_ and the secret; use it to revoke the key.</param>
/// <param name="PartyId">The party the key acts for: store for an operator key, the vendor's id for a vendor key.</param>
/// <param name="Name">The label given to the key when it was created.</param>
/// <param name="CreatedAt">When the key was created.</param>
/// <param name="Key">The secret to send in X-Api-Key. Shown in this response only: it is stored hashed.</param>
/// <summary>A key just created, with its secret: shown in this response only.</summary>
public sealed record CreatedApiKey(string Id, string PartyId, ApiKeyRole Role, string Name, DateTimeOffset CreatedAt, string? Key)
    : IShowsSecretOnce
{
    public object WithoutSecret() => this with { Key = null };
}
