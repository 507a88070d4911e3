using Accountability.Api.Commands;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Policies;
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

public sealed class ActOnComplaintHandler(IDocumentSession session, TimeProvider clock, IOptions<AccountabilityOptions> options)
    : MediatR.IRequestHandler<ActOnComplaint, ComplaintView>
{
    public async Task<ComplaintView> Handle(ActOnComplaint command, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var partiesQuery = batch.Query<Party>().ToList();
        var policyQuery = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
        var endpointsQuery = batch.Query<WebhookEndpoint>().Where(e => e.Enabled).ToList();
        var streamQuery = batch.Events.FetchForWriting<Complaint>(command.ComplaintId);
        await batch.Execute(cancellationToken);
        var (parties, stream) = (new PartyDirectory(await partiesQuery), await streamQuery);

        if (stream.Aggregate is not { } state || !command.Actor.CanSee(state))
            throw ComplaintAccess.NotFound(command.ComplaintId);
        if (command.ExpectedVersion is { } expected && expected != (stream.StartingVersion ?? 0))
            throw new ProblemException(ProblemKind.PreconditionFailed,
                $"If-Match names version {expected} but the complaint is at version {stream.StartingVersion}.");

        var now = clock.GetUtcNow();
        var decision = command.Decide(state, new DecisionContext(command.Actor, parties, now, TimeSpan.FromDays(options.Value.ReopenWindowDays)));
        var policy = PolicyDocument.Current(await policyQuery);
        var judged = JudgedEvents.Of(state, decision, policy, parties);
        stream.AppendMany(judged.Events);
        ScheduledDeadline.ScheduleNewHold(session, state, judged.After, policy, parties);
        WebhookOutbox.Enqueue(session, state, judged.Events, await endpointsQuery, now);
        return ComplaintView.From(judged.After, parties, now);
    }
}
