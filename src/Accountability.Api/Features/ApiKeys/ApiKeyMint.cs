using Accountability.Api.Auth;

namespace Accountability.Api.Features.ApiKeys;

/// <summary>Makes new keys. A service, as the clock is, so that a test can know a key's id before the key exists.</summary>
public class ApiKeyMint
{
    /// <summary>Makes a key for a party: the store's keys are operator keys, a vendor's are vendor keys.</summary>
    public (ApiKey Stored, CreatedApiKey Shown) Issue(string tenantId, string partyId, bool isStore, string name, DateTimeOffset now)
    {
        var (id, key, hash) = NewSecret();
        var role = isStore ? ApiKeyRole.Operator : ApiKeyRole.Vendor;
        return (new ApiKey(id, tenantId, partyId, role, name, hash, now), new CreatedApiKey(id, partyId, role, name, now, key));
    }

    protected virtual (string Id, string Key, string SecretHash) NewSecret() => ApiKeySecrets.Generate();
}
