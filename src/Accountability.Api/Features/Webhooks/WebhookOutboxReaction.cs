using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Features.RecurringProblems;
using Marten;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// Every write to a complaint or a problem queues the webhook deliveries its events call for, in its own transaction;
/// replayed history (the import) calls for none: it is past.
/// </summary>
public sealed class WebhookOutboxReaction : IComplaintWriteReaction, IProblemWriteReaction
{
    public void React(IDocumentSession session, WrittenComplaint written)
    {
        if (!written.Replayed)
            WebhookOutbox.Enqueue(session, written);
    }

    public void React(IDocumentSession session, WrittenProblem written) =>
        WebhookOutbox.EnqueueProblem(session, written.Before, written.Events, written.Context.Part<WebhookTargets>(), written.Now);
}
