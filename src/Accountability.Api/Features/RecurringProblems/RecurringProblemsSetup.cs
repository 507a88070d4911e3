using Accountability.Domain.Complaints;
using Marten;

namespace Accountability.Api.Features.RecurringProblems;

public static class RecurringProblemsSetup
{
    /// <summary>The problems' documents and links, kept inline, and the subscription that detects a problem as complaints are filed.</summary>
    public static IServiceCollection AddRecurringProblems(this IServiceCollection services)
    {
        services.AddSingleton<RecurringProblemDetector>();
        return services.ConfigureMarten((provider, opts) =>
        {
            opts.AddRecurringProblems();
            var detector = provider.GetRequiredService<RecurringProblemDetector>();
            detector.IncludeType<ComplaintFiled>();
            opts.Projections.Subscribe(detector);
        });
    }
}
