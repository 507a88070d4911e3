using Marten;

namespace Accountability.Api.Auth;

public static class ApiKeySetup
{
    /// <summary>The API keys, kept outside any tenant (a key names its tenant), and the store that finds a caller's key.</summary>
    public static IServiceCollection AddApiKeys(this IServiceCollection services)
    {
        services.ConfigureMarten(opts => opts.Schema.For<ApiKey>().SingleTenanted().Duplicate(k => k.TenantId));
        return services.AddSingleton<ApiKeyStore>();
    }
}
