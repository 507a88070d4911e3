using Accountability.Api.Features.Complaints.Writing;
using Marten;

namespace Accountability.Api.Features.Deadlines;

public static class DeadlineSetup
{
    /// <summary>The scheduler that judges deadlines as they fall due, its table, and the reaction that writes a new hold's clocks and the evidence clocks.</summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.ConfigureMarten(DeadlineTable.Define);
        services.AddSingleton<DeadlineTable>();
        services.AddHostedService<DeadlineScheduler>();
        services.AddSingleton<IComplaintWriteReaction, NewHoldReaction>();
        return services;
    }
}
