using Accountability.Api.Features.Complaints.Writing;

namespace Accountability.Api.Features.Deadlines;

public static class DeadlineSetup
{
    /// <summary>The scheduler that judges deadlines as they fall due, and the reaction that schedules a new hold's.</summary>
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.AddHostedService<DeadlineScheduler>();
        services.AddSingleton<IComplaintWriteReaction, NewHoldReaction>();
        return services;
    }
}
