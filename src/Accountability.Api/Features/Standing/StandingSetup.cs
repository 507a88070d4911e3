using Marten;

namespace Accountability.Api.Features.Standing;

public static class StandingSetup
{
    /// <summary>Vendor standing: its stream's events, the store that reads, evaluates and decides it, and the periodic evaluator.</summary>
    public static IServiceCollection AddStanding(this IServiceCollection services)
    {
        services.AddSingleton<StandingStore>();
        services.AddSingleton<StandingSweep>();
        services.AddHostedService(provider => provider.GetRequiredService<StandingSweep>());
        return services.ConfigureMarten((_, opts) => StandingStore.Register(opts));
    }
}
