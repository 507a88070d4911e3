using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Problems;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Problems;
using Marten;

namespace Accountability.Api.Features.Problems;

/// <summary>
/// A resolved problem's fix, proposed to each linked complaint in the same transaction as the resolution: each proposal
/// is judged by the rules and reported by webhooks like any other write; a resolved or closed complaint is skipped.
/// </summary>
public static class FixProposal
{
    public static async Task<FixProposals> ProposeAsync(
        IDocumentSession session, RecurringProblem problem, Actor actor, WriteContext context, DateTimeOffset now, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var streams = problem.LinkedComplaints.Select(id => WriteContext.QueueComplaint(batch, id)).ToList();
        if (streams.Count > 0)
            await batch.Execute(ct);

        var (proposed, skipped) = (new List<Guid>(), new List<SkippedComplaint>());
        foreach (var fetch in streams)
        {
            var stream = await fetch;
            if (stream.Aggregate is not { } complaint)
                continue;
            var decision = ProblemDecisions.ProposeFix(complaint, problem, actor, now);
            if (decision.Refusal is { } refusal)
            {
                skipped.Add(new SkippedComplaint(complaint.Id, ProblemKind.For(refusal.Code).Slug));
                continue;
            }
            var judged = JudgedEvents.Of(complaint, decision, context.Policy, context.Parties);
            stream.AppendMany(judged.Events);
            ScheduledDeadline.ScheduleNewHold(session, complaint, judged.After, context.Policy, context.Parties);
            WebhookOutbox.Enqueue(session, complaint, judged.Events, context.Endpoints, now);
            proposed.Add(complaint.Id);
        }
        return new FixProposals(proposed, skipped);
    }
}
