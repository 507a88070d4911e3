using Accountability.Api.Features.Complaints.Writing;

namespace Accountability.Api.Features.Webhooks;

public static class WebhookSetup
{
    /// <summary>The outbox's reaction to complaint writes: deliveries queued in the write's transaction.</summary>
    public static IServiceCollection AddWebhookOutbox(this IServiceCollection services) =>
        services.AddSingleton<IComplaintWriteReaction, WebhookOutboxReaction>();
}
