using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Features.Webhooks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Complaints.File;

/// <param name="StatusPageBaseUrl">Where the customer's status page is served, for the tracking link.</param>
public sealed record Command(FileComplaint Complaint, Actor Actor, Idempotency? Idempotency, string StatusPageBaseUrl) : ICommand<ComplaintView>;

public sealed class Handler(IDocumentSession session, WriteContextCache contexts, TimeProvider clock) : MediatR.IRequestHandler<Command, ComplaintView>
{
    public async Task<ComplaintView> Handle(Command command, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        await batch.Execute(cancellationToken);
        var context = await contextQuery();
        var now = clock.GetUtcNow();

        var (token, hash) = TrackingToken.New();
        var decision = ComplaintDecisions.File(command.Complaint with { TrackingTokenHash = hash }, command.Actor, context.Parties, now);
        var judged = JudgedEvents.Of(null, decision, context.Policy, context.Parties);
        session.Events.StartStream<Complaint>(command.Complaint.ComplaintId, judged.Events);
        ScheduledDeadline.ScheduleNewHold(session, null, judged.After, context.Policy, context.Parties);
        WebhookOutbox.Enqueue(session, null, judged.Events, context.Endpoints, now);
        return ComplaintView.From(judged.After, context.Parties, now) with { TrackingLink = TrackingToken.Link(command.StatusPageBaseUrl, token) };
    }
}
