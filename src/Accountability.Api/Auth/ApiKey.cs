namespace Accountability.Api.Auth;

/// <summary>What a key may do: Operator (the marketplace, every complaint of its tenant) or Vendor (only its own complaints).</summary>
public enum ApiKeyRole
{
    Operator,
    Vendor,
}

/// <summary>A stored API key: only the SHA-256 of its secret is kept. Keys live outside tenants because they name the tenant.</summary>
public sealed record ApiKey(
    string Id,
    string TenantId,
    string PartyId,
    ApiKeyRole Role,
    string Name,
    string SecretHash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt = null)
{
    public bool IsRevoked => RevokedAt is not null;
}
