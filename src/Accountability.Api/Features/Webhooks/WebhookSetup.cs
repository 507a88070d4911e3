using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Features.RecurringProblems;
using Marten;

namespace Accountability.Api.Features.Webhooks;

public static class WebhookSetup
{
    /// <summary>The tenants' endpoints (read by writes with their context), the deliveries' table and the outbox's reaction to complaint and problem writes: deliveries queued in the write's transaction.</summary>
    public static IServiceCollection AddWebhookOutbox(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Schema.For<WebhookEndpoint>().MultiTenanted();
            DeliveryTable.Define(opts);
        });
        services.AddSingleton<IWriteContextPart, WebhookTargetsPart>();
        services.AddSingleton<WebhookOutboxReaction>();
        services.AddSingleton<IProblemWriteReaction>(provider => provider.GetRequiredService<WebhookOutboxReaction>());
        return services.AddSingleton<IComplaintWriteReaction>(provider => provider.GetRequiredService<WebhookOutboxReaction>());
    }
}
