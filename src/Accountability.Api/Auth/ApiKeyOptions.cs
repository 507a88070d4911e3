using Accountability.Api.Configuration;

namespace Accountability.Api.Auth;

/// <summary>Settings of the API keys and the admin key.</summary>
public sealed class ApiKeyOptions : ISettings
{
    /// <summary>Key that allows creating tenants through /admin; admin endpoints answer 401 while it is unset.</summary>
    public string? AdminKey { get; set; }

    /// <summary>How long a resolved API key is trusted before it is read again (a revocation reaches other nodes within this).</summary>
    public int ApiKeyCacheSeconds { get; set; } = 10;

    public IEnumerable<string> Problems() => SettingChecks.AtLeast(0, (nameof(ApiKeyCacheSeconds), ApiKeyCacheSeconds));
}
