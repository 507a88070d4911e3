using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.RecurringProblems;
using Marten;

namespace Accountability.Api.Features.RecurringProblems;

/// <summary>Any command on a problem, opening included: load it, check the version, decide, append; resolving also proposes the fix.</summary>
public sealed record ActOnProblem(Guid ProblemId, Actor Actor, long? ExpectedVersion, Idempotency? Idempotency, IProblemCommand Command)
    : ICommand<ProblemView>;

public sealed class ActOnProblemHandler(
    IDocumentSession session, WriteContextCache contexts, ComplaintStreamWriter writer, TimeProvider clock, IEnumerable<IProblemWriteReaction> reactions)
    : ICommandHandler<ActOnProblem, ProblemView>
{
    public async Task<Replayable<ProblemView>> Handle(ActOnProblem command, CancellationToken cancellationToken)
    {
        var opening = command.Command is OpenProblem;
        // Marten refuses the empty id as a stream id; to the caller it is just a problem that does not exist.
        if (!opening && command.ProblemId == Guid.Empty)
            throw ProblemAccess.NotFound(command.ProblemId);
        var named = ProblemDecider.ComplaintNamed(command.Command);
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        var streamQuery = opening ? null : StreamWrite.Fetch<RecurringProblem>(batch, command.ProblemId);
        var complaintQuery = named is { } complaint ? batch.Load<Complaint>(complaint) : Task.FromResult<Complaint?>(null);
        var linkQuery = named is { } linked ? batch.Load<ProblemLink>(linked) : Task.FromResult<ProblemLink?>(null);
        await batch.Execute(cancellationToken);
        var (context, stream) = (await contextQuery(), streamQuery is null ? null : await streamQuery);

        var state = stream?.Aggregate;
        if (!opening && (state is null || !await new ProblemQueries(session, clock).CanSeeAsync(state, command.Actor, cancellationToken)))
            throw ProblemAccess.NotFound(command.ProblemId);
        StreamWrite.Expect(stream, command.ExpectedVersion, "problem");
        if (named is { } complaintId && await complaintQuery is null)
            throw ComplaintAccess.NotFound(complaintId);

        var now = clock.GetUtcNow();
        var decision = ProblemDecider.Decide(state, command.Command, new ProblemContext(command.Actor, context.Parties, now, (await linkQuery)?.ProblemId));
        if (decision.Refusal is { } refusal)
            throw new ProblemException(ProblemKind.For(refusal.Code), refusal.Detail);
        StreamWrite.Append(session, command.ProblemId, stream, decision.Events);
        session.RecordLinks(command.ProblemId, decision.Events);
        foreach (var reaction in reactions)
            reaction.React(session, new WrittenProblem(state, decision.Events, context, now));
        var after = decision.Events.Aggregate(state, (s, e) => RecurringProblem.Evolve(s, e))!;
        var view = ProblemView.From(after, context.Parties, after.LinkedComplaints.Count);
        return decision.Events.OfType<ProblemResolved>().Any()
            ? view with { Proposals = await FixProposal.ProposeAsync(session, writer, after, command.Actor, cancellationToken) }
            : view;
    }
}
