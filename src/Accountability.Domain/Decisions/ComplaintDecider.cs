using Accountability.Domain.Complaints;
using Accountability.Domain.RecurringProblems;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Decisions;

/// <summary>What a command appends once the rules have judged it: each event with the complaint as it leaves it, or the refusal.</summary>
public sealed record JudgedDecision(IReadOnlyList<ComplaintStep> Steps, Refusal? Refusal);

/// <summary>
/// One entry for every command on a complaint: <see cref="Decide"/> picks the decision, <see cref="DecideAndJudge"/> adds
/// the rules' judgement of what it emits, folding each event once.
/// </summary>
public static class ComplaintDecider
{
    public static Decision Decide(Complaint? state, IComplaintCommand command, DecisionContext c) => (command, state) switch
    {
        (FileComplaint file, _) => ComplaintDecisions.File(file, c.Actor, c.Parties, c.Now, c.Policy.DefaultClaim),
        (_, null) => throw new ArgumentNullException(nameof(state), $"{command.GetType().Name} needs a complaint; only filing starts one."),
        (AssignComplaint x, { } s) => ComplaintDecisions.Assign(s, x, c.Actor, c.Parties, c.Now),
        (AcknowledgeComplaint, { } s) => ComplaintDecisions.Acknowledge(s, c.Actor, c.Parties, c.Now),
        (HandOffComplaint x, { } s) => ComplaintDecisions.HandOff(s, x, c.Actor, c.Parties, c.Now),
        (RecordCustomerRedirect x, { } s) => ComplaintDecisions.RedirectCustomer(s, x, c.Actor, c.Parties, c.Now),
        (RequestInformation x, { } s) => ComplaintDecisions.RequestInformation(s, x, c.Actor, c.Parties, c.Now),
        (ProvideInformation x, { } s) => ComplaintDecisions.ProvideInformation(s, x, c.Actor, c.Parties, c.Now),
        (WaitForThirdParty x, { } s) => ComplaintDecisions.WaitForThirdParty(s, x, c.Actor, c.Parties, c.Now),
        (RecordThirdPartyResponse x, { } s) => ComplaintDecisions.RecordThirdPartyResponse(s, x, c.Actor, c.Parties, c.Now),
        (ProposeResolution x, { } s) => ComplaintDecisions.ProposeResolution(s, x, c.Actor, c.Parties, c.Now),
        (ResolveComplaint x, { } s) => ComplaintDecisions.Resolve(s, x, c.Actor, c.Parties, c.Now),
        (ReverseCharge x, { } s) => ChargeDecisions.Reverse(s, x, c.Actor, c.Parties, c.Now),
        (AppealCharge x, { } s) => AppealDecisions.Appeal(s, x, c.Actor, c.Parties, TimeSpan.FromDays(c.Policy.AppealWindowDays), c.Now),
        (DecideAppeal x, { } s) => AppealDecisions.Decide(s, x, c.Actor, c.Parties, c.Now),
        (ReopenComplaint x, { } s) => ComplaintDecisions.Reopen(s, x, c.Actor, c.ReopenWindow, c.Now),
        (CloseComplaint, { } s) => ComplaintDecisions.Close(s, c.Actor, c.Now),
        (CancelComplaint x, { } s) => ComplaintDecisions.Cancel(s, x, c.Actor, c.Now),
        (ReissueTrackingLink x, { } s) => ComplaintDecisions.ReissueTrackingLink(s, x, c.Actor, c.Now),
        (RevokeTrackingLink, { } s) => ComplaintDecisions.RevokeTrackingLink(s, c.Actor, c.Now),
        (AnswerAsCustomer x, { } s) => CustomerDecisions.Answer(s, x, c.Now),
        (ConfirmFix, { } s) => CustomerDecisions.ConfirmFix(s, c.Now),
        (ReportStillBroken x, { } s) => CustomerDecisions.ReportStillBroken(s, x, c.ReopenWindow, c.Now),
        (RateHandling x, { } s) => CustomerDecisions.Rate(s, x, c.Now),
        (AskStoreToStepIn, { } s) => CustomerDecisions.AskStoreToStepIn(s, c.Policy, c.Parties, c.Now),
        (ProposeFix x, { } s) => ProblemDecisions.ProposeFix(s, x.Problem, c.Actor, c.Now),
        (RequestEvidence x, { } s) => EvidenceDecisions.Request(s, x, c.Actor, c.Parties, c.Now),
        (SubmitEvidence x, { } s) => EvidenceDecisions.Submit(s, x, c.Actor, c.Parties, c.Now),
        (JudgeDueDeadline { Deadline.Kind: DeadlineKind.Evidence } x, { } s) => EvidenceDecisions.JudgeDue(s, x.Deadline, c.Now),
        // A holder's deadline is the rules' own judgement (DecideAndJudge): no decision emits anything for it.
        (JudgeDueDeadline, _) => Decision.Emit(),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "No decision for this command."),
    };

    public static JudgedDecision DecideAndJudge(Complaint? state, IComplaintCommand command, DecisionContext c)
    {
        if (command is JudgeDueDeadline due && due.Deadline.Kind != DeadlineKind.Evidence)
            return new JudgedDecision(JudgeDeadline(state!, due.Deadline, c), null);
        var decision = Decide(state, command, c);
        if (decision.Refusal is { } refusal)
            return new JudgedDecision([], refusal);
        var steps = RuleEngine.JudgeSteps(state, decision.Events, c.Policy, c.Parties);
        // A missed evidence due time may decide liability (evidenceMissed.missedDecidesLiability), after its flag.
        if (decision.Events is not [EvidenceDeadlineMissed missed] || steps.Count == 0
            || DefaultJudgments.AfterMissedEvidence(steps[^1].After, missed, c.Policy) is not { } judgment)
            return new JudgedDecision(steps, null);
        var flagged = steps[^1].After;
        return new JudgedDecision([.. steps, .. JudgeFollowing(flagged, JudgmentDecisions.Resolve(flagged, judgment, c.Policy, c.Parties, c.Now), c)], null);
    }

    /// <summary>
    /// The rules' judgement of a deadline fallen due, and what the policy makes follow the flag, judged in turn: the step-in
    /// after a missed acknowledgement, the default judgment after a missed resolution of an escalated complaint.
    /// </summary>
    private static IReadOnlyList<ComplaintStep> JudgeDeadline(Complaint state, Deadline deadline, DecisionContext c)
    {
        var steps = RuleEngine.JudgeDeadlineSteps(state, deadline, c.Policy, c.Parties, c.Now);
        if (steps.Count == 0)
            return steps;
        var flagged = steps[^1].After;
        if (ComplaintDecisions.StepInAfterMissedDeadline(flagged, deadline, c.Policy, c.Parties, c.Now) is { } takeover)
            return [.. steps, .. JudgeFollowing(flagged, [takeover], c)];
        return DefaultJudgments.AfterMissedResolution(state, flagged, deadline, c.Policy, c.Parties) is { } judgment
            ? [.. steps, .. JudgeFollowing(flagged, JudgmentDecisions.Resolve(flagged, judgment, c.Policy, c.Parties, c.Now), c)]
            : steps;
    }

    private static IReadOnlyList<ComplaintStep> JudgeFollowing(Complaint state, IReadOnlyList<IComplaintEvent> events, DecisionContext c) =>
        RuleEngine.JudgeSteps(state, events, c.Policy, c.Parties);
}
