using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.RecurringProblems.ProblemDecision;

namespace Accountability.Domain.RecurringProblems;

/// <summary>
/// A recurring problem's business rules: pure functions of (state, command, actor, now) that emit events or refuse.
/// Operators run problems; the owning vendor may record the root cause it found.
/// </summary>
public static class ProblemDecisions
{
    public static ProblemDecision Open(OpenProblem c, Actor actor, DateTimeOffset now) => actor.IsOperator
        ? Emit(new ProblemOpened(c.ProblemId, c.Product, c.Category, c.Summary, actor.PartyId, now))
        : Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator opens problems.");

    /// <summary>
    /// The service opens a problem when enough unlinked complaints about one product and category were filed within the
    /// policy's window up to the newest of them; nothing when they are too few, too old, or the setting is off.
    /// </summary>
    public static ProblemDecision OpenRecurring(
        Guid problemId, string product, string category, IEnumerable<(Guid Id, DateTimeOffset FiledAt)> unlinked, RecurringProblemSettings policy, DateTimeOffset at)
    {
        if (!policy.Enabled)
            return Emit();
        var window = TimeSpan.FromDays(policy.WindowDays);
        var recent = unlinked.Where(c => c.FiledAt <= at && at - c.FiledAt < window).OrderBy(c => c.FiledAt).Select(c => c.Id).Distinct().ToList();
        if (recent.Count < policy.Complaints)
            return Emit();
        var summary = $"{recent.Count} complaints about {product} ({category}) within {policy.WindowDays} days.";
        return Emit([new ProblemOpened(problemId, product, category, summary, null, at), .. recent.Select(id => new ComplaintLinked(id, null, at))]);
    }

    /// <param name="actor">The operator linking by hand, or null for the service linking a new complaint of the same kind.</param>
    public static ProblemDecision Link(RecurringProblem state, LinkComplaint c, Actor? actor, DateTimeOffset now)
    {
        if (actor is { IsOperator: false })
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator links complaints to problems.");
        if (IsResolved(state) is { } resolved) return resolved;
        if (state.LinkedComplaints.Contains(c.ComplaintId) || c.CurrentProblem == state.Id)
            return Refuse(RefusalCode.AlreadyLinked, "The complaint is already linked to this problem.");
        if (c.CurrentProblem is { } other)
            return Refuse(RefusalCode.AlreadyLinked, $"The complaint is linked to problem {other}; unlink it there first.");
        return Emit(new ComplaintLinked(c.ComplaintId, actor?.PartyId, now));
    }

    public static ProblemDecision Unlink(RecurringProblem state, UnlinkComplaint c, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator unlinks complaints from problems.");
        if (IsResolved(state) is { } resolved) return resolved;
        return state.LinkedComplaints.Contains(c.ComplaintId)
            ? Emit(new ComplaintUnlinked(c.ComplaintId, actor.PartyId, now))
            : Refuse(RefusalCode.NotLinked, "The complaint is not linked to this problem.");
    }

    public static ProblemDecision AssignOwner(RecurringProblem state, AssignProblemOwner c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator assigns a problem's owner.");
        if (IsResolved(state) is { } resolved) return resolved;
        if (!parties.CanHold(c.Owner))
            return Refuse(RefusalCode.UnknownParty, $"'{c.Owner}' is not the store or a registered vendor.");
        return Emit(new ProblemOwnerAssigned(c.Owner, actor.PartyId, now));
    }

    /// <summary>The operator, or the vendor that owns the problem: it is the one looking for the cause.</summary>
    public static ProblemDecision RecordRootCause(RecurringProblem state, RecordRootCause c, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator && actor.PartyId != state.Owner)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator or the problem's owner records its root cause.");
        if (IsResolved(state) is { } resolved) return resolved;
        return Emit(new RootCauseRecorded(c.RootCause, c.Explanation, actor.PartyId, now));
    }

    public static ProblemDecision Resolve(RecurringProblem state, ResolveProblem c, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator resolves problems: it proposes the fix to every customer.");
        if (IsResolved(state) is { } resolved) return resolved;
        if (state.Owner is null)
            return Refuse(RefusalCode.NoOwner, "Assign the problem an owner before resolving it.");
        var (cause, explanation) = c.RootCause is { } given ? (given, c.Explanation) : (state.RootCause, state.RootCauseExplanation);
        if (cause is null || string.IsNullOrWhiteSpace(explanation))
            return Refuse(RefusalCode.RootCauseMissing, "Give the root cause and its explanation, or record them first.");
        return Emit(new ProblemResolved(cause.Value, explanation, c.Fix, actor.PartyId, now));
    }

    /// <summary>
    /// The problem's fix, proposed to one linked complaint on the operator's authority (as an assignment overrides the
    /// holder); a resolved or closed complaint is left as it is.
    /// </summary>
    public static Decision ProposeFix(Complaint complaint, RecurringProblem problem, Actor actor, DateTimeOffset now)
    {
        if (complaint.Status == ComplaintStatus.Closed)
            return Decision.Refuse(RefusalCode.ComplaintClosed, "The complaint is closed.");
        if (complaint.Status == ComplaintStatus.Resolved)
            return Decision.Refuse(RefusalCode.AlreadyResolved, "The complaint is already resolved.");
        if (problem.Fix is null)
            return Decision.Refuse(RefusalCode.NotResolved, "The problem has no fix yet.");
        return Decision.Emit(new ResolutionProposed(actor.PartyId, problem.Fix, now));
    }

    private static ProblemDecision? IsResolved(RecurringProblem state) => state.Status == ProblemStatus.Resolved
        ? Refuse(RefusalCode.ProblemResolved, "The problem is resolved; it can no longer change.")
        : null;
}
