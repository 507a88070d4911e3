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
        new StalledHolderRule(), new StepInRequestRule(), new EvidenceMissedRule(),
    ];

    public static IReadOnlyList<IComplaintEvent> Judge(Complaint? before, IReadOnlyList<IComplaintEvent> events, Policy policy, PartyDirectory parties)
    {
        var judged = new Judgement([], Steps: null);
        Judge(before, events, policy, parties, judged);
        return judged.FollowUps;
    }

    /// <summary>
    /// The events, each followed by the flags and escalation it raises, with the complaint as each leaves it: the states
    /// the rules fold anyway, kept so that nothing after the write folds them again.
    /// </summary>
    public static IReadOnlyList<ComplaintStep> JudgeSteps(Complaint? before, IReadOnlyList<IComplaintEvent> events, Policy policy, PartyDirectory parties)
    {
        var judged = new Judgement([], Steps: []);
        Judge(before, events, policy, parties, judged);
        return judged.Steps!;
    }

    private static void Judge(Complaint? before, IReadOnlyList<IComplaintEvent> events, Policy policy, PartyDirectory parties, Judgement judged)
    {
        var state = before;
        foreach (var e in events)
            state = Judge(state, e, policy, parties, judged);
    }

    /// <summary>Judges one event: adds its follow-ups and returns the state after both, so that a caller need not fold them again.</summary>
    internal static Complaint? Judge(Complaint? state, IComplaintEvent e, Policy policy, PartyDirectory parties, List<IComplaintEvent> followUps,
        List<ComplaintStep>? steps) =>
        Judge(state, e, policy, parties, new Judgement(followUps, steps));

    private static Complaint? Judge(Complaint? state, IComplaintEvent e, Policy policy, PartyDirectory parties, Judgement judged)
    {
        var after = Complaint.Evolve(state, e);
        if (after is not null)
            judged.Steps?.Add(new ComplaintStep(e, after));
        if (state is null || after is null)
            return after;
        List<(IRule Rule, Finding Finding)>? findings = null;
        foreach (var rule in Rules)
            if (rule.SettingsIn(policy).Enabled && rule.Judge(state, e, after, policy, parties) is { } finding)
                (findings ??= []).Add((rule, finding));
        foreach (var (rule, finding) in findings ?? [])
            after = Raise(after, rule, finding, policy, e.At, judged);
        return after;
    }

    /// <summary>
    /// Judges a deadline that fell due: the stalled-holder flag (and escalation) if the holder missed it, judged as the
    /// deadline stands now, so time when the holder's clock was not running never counts.
    /// </summary>
    public static IReadOnlyList<IComplaintEvent> JudgeDeadline(Complaint complaint, Deadline deadline, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        var judged = new Judgement([], Steps: null);
        JudgeDeadline(complaint, deadline, policy, parties, now, judged);
        return judged.FollowUps;
    }

    /// <summary>What <see cref="JudgeDeadline(Complaint, Deadline, Policy, PartyDirectory, DateTimeOffset)"/> appends, with the complaint as each event leaves it.</summary>
    public static IReadOnlyList<ComplaintStep> JudgeDeadlineSteps(Complaint complaint, Deadline deadline, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        var judged = new Judgement([], Steps: []);
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
    private readonly record struct Judgement(List<IComplaintEvent> FollowUps, List<ComplaintStep>? Steps);
}
