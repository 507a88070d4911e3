using Accountability.Api.Features.Complaints.Writing;
using Marten;

namespace Accountability.Api.Features.Webhooks;

/// <summary>Every write to a complaint queues the webhook deliveries its events call for, in its own transaction.</summary>
public sealed class WebhookOutboxReaction : IComplaintWriteReaction
{
    public void React(IDocumentSession session, WrittenComplaint written) =>
        WebhookOutbox.Enqueue(session, written.Steps, written.Context.Part<WebhookTargets>().Endpoints, written.Now);
}
