using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Problems;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Problems;
using Marten;

namespace Accountability.Api.Features.Problems;

/// <summary>What a decision on a problem may know besides the problem.</summary>
/// <param name="CurrentProblemOfComplaint">For a command naming a complaint: the problem it is linked to now, if any.</param>
public sealed record ProblemContext(Actor Actor, PartyDirectory Parties, DateTimeOffset Now, Guid? CurrentProblemOfComplaint);

/// <summary>Any action on an existing problem: load it, check the version, decide, append; resolving also proposes the fix.</summary>
/// <param name="Complaint">A complaint the command names: it must exist in the tenant.</param>
public sealed record ActOnProblem(
    Guid ProblemId,
    Actor Actor,
    long? ExpectedVersion,
    Idempotency? Idempotency,
    Func<RecurringProblem, ProblemContext, ProblemDecision> Decide,
    Guid? Complaint = null) : ICommand<ProblemView>;

public sealed class ActOnProblemHandler(IDocumentSession session, WriteContextCache contexts, ComplaintStreamWriter writer, TimeProvider clock) : ICommandHandler<ActOnProblem, ProblemView>
{
    public async Task<Replayable<ProblemView>> Handle(ActOnProblem command, CancellationToken cancellationToken)
    {
        if (command.ProblemId == Guid.Empty)
            throw ProblemAccess.NotFound(command.ProblemId);
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        var streamQuery = batch.Events.FetchForWriting<RecurringProblem>(command.ProblemId);
        var complaintQuery = command.Complaint is { } named ? batch.Load<Complaint>(named) : Task.FromResult<Complaint?>(null);
        var linkQuery = command.Complaint is { } linked ? batch.Load<ProblemLink>(linked) : Task.FromResult<ProblemLink?>(null);
        await batch.Execute(cancellationToken);
        var (context, stream) = (await contextQuery(), await streamQuery);

        if (stream.Aggregate is not { } state || !await new ProblemQueries(session, clock).CanSeeAsync(state, command.Actor, cancellationToken))
            throw ProblemAccess.NotFound(command.ProblemId);
        if (command.ExpectedVersion is { } expected && expected != (stream.StartingVersion ?? 0))
            throw ProblemException.Naming(ProblemKind.PreconditionFailed, "If-Match",
                $"If-Match names version {expected} but the problem is at version {stream.StartingVersion}.");
        if (command.Complaint is { } complaintId && await complaintQuery is null)
            throw ComplaintAccess.NotFound(complaintId);

        var now = clock.GetUtcNow();
        var decision = command.Decide(state, new ProblemContext(command.Actor, context.Parties, now, (await linkQuery)?.ProblemId));
        if (decision.Refusal is { } refusal)
            throw new ProblemException(ProblemKind.For(refusal.Code), refusal.Detail);
        stream.AppendMany(decision.Events);
        session.RecordLinks(state.Id, decision.Events);
        var after = decision.Events.Aggregate(state, (s, e) => RecurringProblem.Evolve(s, e)!);
        var view = ProblemView.From(after, context.Parties, after.LinkedComplaints.Count);
        return decision.Events.OfType<ProblemResolved>().Any()
            ? view with { Proposals = await FixProposal.ProposeAsync(session, writer, after, command.Actor, cancellationToken) }
            : view;
    }
}
