using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Problems;
using Accountability.Api.Setup;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Complaints;

/// <summary>What a decision may know besides the complaint: who acts, the tenant's parties, the time, the policy.</summary>
public sealed record DecisionContext(Actor Actor, PartyDirectory Parties, DateTimeOffset Now, TimeSpan ReopenWindow);

/// <summary>Any action on an existing complaint: load it, check the version, decide, append.</summary>
public sealed record ActOnComplaint(
    Guid ComplaintId,
    Actor Actor,
    long? ExpectedVersion,
    Idempotency? Idempotency,
    Func<Complaint, DecisionContext, Decision> Decide) : ICommand<ComplaintView>;

public sealed class ActOnComplaintHandler(IDocumentSession session, WriteContextCache contexts, TimeProvider clock, IOptions<AccountabilityOptions> options)
    : MediatR.IRequestHandler<ActOnComplaint, ComplaintView>
{
    public async Task<ComplaintView> Handle(ActOnComplaint command, CancellationToken cancellationToken)
    {
        // Marten refuses the empty id as a stream id; to the caller it is just a complaint that does not exist.
        if (command.ComplaintId == Guid.Empty)
            throw ComplaintAccess.NotFound(command.ComplaintId);
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        var streamQuery = WriteContext.QueueComplaint(batch, command.ComplaintId);
        await batch.Execute(cancellationToken);
        var (context, stream) = (await contextQuery(), await streamQuery);
        var parties = context.Parties;

        if (stream.Aggregate is not { } state || !command.Actor.CanSee(state))
            throw ComplaintAccess.NotFound(command.ComplaintId);
        if (command.ExpectedVersion is { } expected && expected != (stream.StartingVersion ?? 0))
            throw ProblemException.Naming(ProblemKind.PreconditionFailed, "If-Match",
                $"If-Match names version {expected} but the complaint is at version {stream.StartingVersion}.");

        var now = clock.GetUtcNow();
        var decision = command.Decide(state, new DecisionContext(command.Actor, parties, now, TimeSpan.FromDays(options.Value.ReopenWindowDays)));
        var judged = JudgedEvents.Of(state, decision, context.Policy, parties);
        stream.AppendMany(judged.Events);
        ScheduledDeadline.ScheduleNewHold(session, state, judged.After, context.Policy, parties);
        WebhookOutbox.Enqueue(session, state, judged.Events, context.Endpoints, now);
        return ComplaintView.From(judged.After, parties, now);
    }
}
