using Accountability.Api.Features.SetAside;
using Marten;

namespace Accountability.Api.Features.Scorecards;

public static class ScorecardSetup
{
    /// <summary>The scorecards' projection (asynchronous, its events set aside on a fault), its tables, and their queries.</summary>
    public static IServiceCollection AddScorecards(this IServiceCollection services)
    {
        services.AddSingleton<ScorecardQueries>();
        return services.ConfigureMarten((provider, opts) => ScorecardProjection.Register(opts, provider.GetRequiredService<ProcessingFaults>()));
    }
}
