using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;

namespace Accountability.Domain.RecurringProblems;

/// <summary>What a decision on a problem may know besides the problem.</summary>
/// <param name="CurrentProblemOfComplaint">For a command naming a complaint: the problem it is linked to now, if any.</param>
public sealed record ProblemContext(Actor Actor, PartyDirectory Parties, DateTimeOffset Now, Guid? CurrentProblemOfComplaint);

/// <summary>One entry for every command on a recurring problem, as <see cref="ComplaintDecider"/> is for complaints.</summary>
public static class ProblemDecider
{
    public static ProblemDecision Decide(RecurringProblem? state, IProblemCommand command, ProblemContext c) => (command, state) switch
    {
        (OpenProblem open, _) => ProblemDecisions.Open(open, c.Actor, c.Now),
        (_, null) => throw new ArgumentNullException(nameof(state), $"{command.GetType().Name} needs a problem; only opening starts one."),
        (LinkComplaint x, { } s) => ProblemDecisions.Link(s, x with { CurrentProblem = c.CurrentProblemOfComplaint }, c.Actor, c.Now),
        (UnlinkComplaint x, { } s) => ProblemDecisions.Unlink(s, x, c.Actor, c.Now),
        (AssignProblemOwner x, { } s) => ProblemDecisions.AssignOwner(s, x, c.Actor, c.Parties, c.Now),
        (RecordRootCause x, { } s) => ProblemDecisions.RecordRootCause(s, x, c.Actor, c.Now),
        (ResolveProblem x, { } s) => ProblemDecisions.Resolve(s, x, c.Actor, c.Now),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "No decision for this command."),
    };

    /// <summary>The complaint a command names that must exist in the tenant, if any.</summary>
    public static Guid? ComplaintNamed(IProblemCommand command) => command is LinkComplaint link ? link.ComplaintId : null;
}
