using Marten;

namespace Accountability.Api.Features.Complaints.Caching;

public static class CachingSetup
{
    /// <summary>The tenants' write contexts cached in memory, their versions table, and the listener that keeps them fresh.</summary>
    public static IServiceCollection AddWriteContextCache(this IServiceCollection services)
    {
        services.ConfigureMarten((provider, opts) =>
        {
            ContextVersions.Define(opts);
            opts.Listeners.Add(new ContextChanges(provider.GetServices<IWriteContextPart>().ToList()));
        });
        services.AddSingleton<WriteContextCache>();
        services.AddHostedService<WriteContextNotifications>();
        return services;
    }
}
