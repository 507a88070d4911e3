namespace Accountability.Api.Features.Complaints.Writing;

public static class WritingSetup
{
    /// <summary>The complaint writer; the reactions it runs are registered by the features they belong to.</summary>
    public static IServiceCollection AddComplaintWriter(this IServiceCollection services) => services.AddSingleton<ComplaintStreamWriter>();
}
