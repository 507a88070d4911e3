using Accountability.Api.Commands;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.Webhooks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Marten;

namespace Accountability.Api.Features.Complaints.File;

public sealed record Command(FileComplaint Complaint, Actor Actor, Idempotency? Idempotency) : ICommand<ComplaintView>;

public sealed class Handler(IDocumentSession session, TimeProvider clock) : MediatR.IRequestHandler<Command, ComplaintView>
{
    public async Task<ComplaintView> Handle(Command command, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var partiesQuery = batch.Query<Party>().ToList();
        var policyQuery = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
        var endpointsQuery = batch.Query<WebhookEndpoint>().Where(e => e.Enabled).ToList();
        await batch.Execute(cancellationToken);
        var parties = new PartyDirectory(await partiesQuery);
        var now = clock.GetUtcNow();

        var decision = ComplaintDecisions.File(command.Complaint, command.Actor, parties, now);
        var policy = PolicyDocument.Current(await policyQuery);
        var judged = JudgedEvents.Of(null, decision, policy, parties);
        session.Events.StartStream<Complaint>(command.Complaint.ComplaintId, judged.Events);
        ScheduledDeadline.ScheduleNewHold(session, null, judged.After, policy, parties);
        WebhookOutbox.Enqueue(session, null, judged.Events, await endpointsQuery, now);
        return ComplaintView.From(judged.After, parties, now);
    }
}
