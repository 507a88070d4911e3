using Accountability.Api.Features.Complaints.Writing;

namespace Accountability.Api.Features.Complaints.List;

public static class ListSetup
{
    /// <summary>The reaction that keeps each complaint's list row, and the backfill of the rows a database lacks.</summary>
    public static IServiceCollection AddComplaintList(this IServiceCollection services)
    {
        services.AddSingleton<IComplaintWriteReaction, ListRowReaction>();
        services.AddSingleton<ListBackfill>();
        services.AddHostedService(provider => provider.GetRequiredService<ListBackfill>());
        return services;
    }
}
