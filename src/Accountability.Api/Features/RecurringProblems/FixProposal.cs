using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Accountability.Domain.RecurringProblems;
using Marten;

namespace Accountability.Api.Features.RecurringProblems;

/// <summary>
/// A resolved problem's fix, proposed to each linked complaint in the same transaction as the resolution: each proposal
/// is judged by the rules and reported by webhooks like any other write; a resolved or closed complaint is skipped.
/// </summary>
public static class FixProposal
{
    public static async Task<FixProposals> ProposeAsync(
        IDocumentSession session, ComplaintStreamWriter writer, RecurringProblem problem, Actor actor, CancellationToken ct)
    {
        if (problem.LinkedComplaints.Count == 0)
            return new FixProposals([], []);
        var command = new ProposeFix(problem);
        var outcomes = await writer.WriteEachAsync(session, [.. problem.LinkedComplaints.Select(id => new ComplaintWrite(id, actor, null, command))], ct);
        return new FixProposals(
            [.. outcomes.Where(o => o.Written is not null).Select(o => o.ComplaintId)],
            [.. outcomes.Where(o => o.Refusal is not null).Select(o => new SkippedComplaint(o.ComplaintId, ProblemKind.For(o.Refusal!.Code).Slug))]);
    }
}
