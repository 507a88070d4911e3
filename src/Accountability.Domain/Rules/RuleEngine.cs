using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>
/// Judges events as they are appended: returns the flags (and the escalation) that must follow them in the same
/// transaction. A flag is raised once per occurrence because the flag itself is folded into what the rules remember.
/// </summary>
public static class RuleEngine
{
    /// <summary>Who the stream says raised a flag or escalated.</summary>
    public const string Actor = "rules";

    /// <summary>Whether the event is the rules' own judgement (a flag, its withdrawal, an escalation) rather than something done to the complaint.</summary>
    public static bool IsJudgement(object e) => e is FlagRaised or FlagWithdrawn or ComplaintEscalated;

    public static readonly IReadOnlyList<IRule> Rules =
    [
        new BounceRule(), new PingPongRule(), new HubRule(), new CycleRule(), new ChurnRule(), new CustomerDeflectionRule(), new EvidenceFreeHandoffRule(), new ReopenLoopRule(),
        new StalledHolderRule(),
    ];

    public static IReadOnlyList<IComplaintEvent> Judge(Complaint? before, IReadOnlyList<IComplaintEvent> events, Policy policy, PartyDirectory parties)
    {
        var judged = new Judgement(Steps: null);
        Judge(before, events, policy, parties, judged);
        return judged.FollowUps;
    }

    /// <summary>
    /// The events, each followed by the flags and escalation it raises, with the complaint as each leaves it: the states
    /// the rules fold anyway, kept so that nothing after the write folds them again.
    /// </summary>
    public static IReadOnlyList<ComplaintStep> JudgeSteps(Complaint? before, IReadOnlyList<IComplaintEvent> events, Policy policy, PartyDirectory parties)
    {
        var judged = new Judgement(Steps: []);
        Judge(before, events, policy, parties, judged);
        return judged.Steps!;
    }

    private static void Judge(Complaint? before, IReadOnlyList<IComplaintEvent> events, Policy policy, PartyDirectory parties, Judgement judged)
    {
        var state = before;
        foreach (var e in events)
        {
            var after = Complaint.Evolve(state, e)!;
            judged.Steps?.Add(new ComplaintStep(e, after));
            var findings = state is null ? [] : Rules
                .Where(rule => rule.SettingsIn(policy).Enabled)
                .Select(rule => (Rule: rule, Finding: rule.Judge(state, e, after, policy, parties)))
                .Where(found => found.Finding is not null)
                .ToList();
            state = after;
            foreach (var (rule, finding) in findings)
                state = Raise(state, rule, finding!, policy, e.At, judged);
        }
    }

    /// <summary>
    /// Judges a deadline that fell due: the stalled-holder flag (and escalation) if the holder missed it, judged as the
    /// deadline stands now, so time when the holder's clock was not running never counts.
    /// </summary>
    public static IReadOnlyList<IComplaintEvent> JudgeDeadline(Complaint complaint, Deadline deadline, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        var judged = new Judgement(Steps: null);
        JudgeDeadline(complaint, deadline, policy, parties, now, judged);
        return judged.FollowUps;
    }

    /// <summary>What <see cref="JudgeDeadline(Complaint, Deadline, Policy, PartyDirectory, DateTimeOffset)"/> appends, with the complaint as each event leaves it.</summary>
    public static IReadOnlyList<ComplaintStep> JudgeDeadlineSteps(Complaint complaint, Deadline deadline, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        var judged = new Judgement(Steps: []);
        JudgeDeadline(complaint, deadline, policy, parties, now, judged);
        return judged.Steps!;
    }

    private static void JudgeDeadline(Complaint complaint, Deadline deadline, Policy policy, PartyDirectory parties, DateTimeOffset now, Judgement judged)
    {
        var rule = Rules.OfType<StalledHolderRule>().Single();
        if (policy.StalledHolder.Enabled && StalledHolderRule.Current(complaint, deadline, policy, parties) is { } due
            && StalledHolderRule.JudgeDeadline(complaint, due, parties, now) is { } finding)
            Raise(complaint, rule, finding with { Charged = [due.Holder] }, policy, due.DueAt, judged);
    }

    private static Complaint Raise(Complaint state, IRule rule, Finding finding, Policy policy, DateTimeOffset at, Judgement judged)
    {
        var settings = rule.SettingsIn(policy);
        state = Follow(state, new FlagRaised(rule.Id, settings.Severity, finding.Evidence, finding.Sentence, policy.Version, at,
            finding.Charged, finding.Supersedes.Count > 0 ? finding.Supersedes : null), judged);
        return settings.Escalates && state.Escalation is null
            ? Follow(state, new ComplaintEscalated(rule.Id, finding.Sentence, at), judged)
            : state;
    }

    private static Complaint Follow(Complaint state, IComplaintEvent followUp, Judgement judged)
    {
        var after = Complaint.Evolve(state, followUp)!;
        judged.FollowUps.Add(followUp);
        judged.Steps?.Add(new ComplaintStep(followUp, after));
        return after;
    }

    /// <summary>What a judgement collects: the follow-ups, and every step with its state when the caller keeps them.</summary>
    private sealed record Judgement(List<ComplaintStep>? Steps)
    {
        public List<IComplaintEvent> FollowUps { get; } = [];
    }
}
