using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>
/// Plays a complaint's recorded history through a policy as if it had been in force, deadlines included, and
/// returns the flags it would have raised. The flags and escalations recorded under the policy of the day are
/// left out of the input: they are what is being compared against.
/// </summary>
public static class Replay
{
    public static IReadOnlyList<FlagRaised> Run(IEnumerable<IComplaintEvent> history, Policy policy, PartyDirectory parties, DateTimeOffset until) =>
        [.. Play(history, policy, parties, until).OfType<FlagRaised>()];

    /// <summary>The history with the flags and escalations this policy raises woven in where they would have been appended.</summary>
    public static IReadOnlyList<IComplaintEvent> Play(IEnumerable<IComplaintEvent> history, Policy policy, PartyDirectory parties, DateTimeOffset until) =>
        Continue(null, [], history, policy, parties, until);

    /// <summary>
    /// As <see cref="Play"/>, each played event with the complaint as it leaves it: the states the rules fold anyway, which
    /// the complaint writer's batched mode takes (the import).
    /// </summary>
    public static IReadOnlyList<ComplaintStep> PlaySteps(IEnumerable<IComplaintEvent> history, Policy policy, PartyDirectory parties, DateTimeOffset until) =>
        ContinueSteps(null, [], history, policy, parties, until);

    /// <summary>
    /// Plays events after a complaint's state as <see cref="Play"/> does from the start: each judged in order, with the
    /// deadlines the state still owed (and those of each new hold) judged when they fall due, up to <paramref name="until"/>.
    /// </summary>
    public static IReadOnlyList<IComplaintEvent> Continue(Complaint? state, IEnumerable<Deadline> owed, IEnumerable<IComplaintEvent> events,
        Policy policy, PartyDirectory parties, DateTimeOffset until) =>
        Judge(state, owed, events, policy, parties, until, steps: null);

    /// <summary>As <see cref="Continue"/>, with the steps of <see cref="PlaySteps"/>: the fold is done once, while judging.</summary>
    public static IReadOnlyList<ComplaintStep> ContinueSteps(Complaint? state, IEnumerable<Deadline> owed, IEnumerable<IComplaintEvent> events,
        Policy policy, PartyDirectory parties, DateTimeOffset until)
    {
        var steps = new List<ComplaintStep>();
        Judge(state, owed, events, policy, parties, until, steps);
        return steps;
    }

    /// <summary>
    /// The default judgment this policy would have made on the complaint's history (docs/liability.md#default-judgment): the
    /// first, as a judgment resolves the complaint; none, or one. The history after it is played as recorded, and a recorded
    /// judgment as a fact (a resolution), as a recorded takeover is.
    /// </summary>
    public static IReadOnlyList<JudgedByDefault> Judgments(IEnumerable<IComplaintEvent> history, Policy policy, PartyDirectory parties, DateTimeOffset until)
    {
        var judged = new List<JudgedByDefault>();
        Judge(null, [], history, policy, parties, until, steps: null, judged);
        return judged;
    }

    private static List<IComplaintEvent> Judge(Complaint? state, IEnumerable<Deadline> owed, IEnumerable<IComplaintEvent> events,
        Policy policy, PartyDirectory parties, DateTimeOffset until, List<ComplaintStep>? steps, List<JudgedByDefault>? judged = null)
    {
        var pending = owed.ToList();
        var played = new List<IComplaintEvent>();
        foreach (var e in events)
        {
            if (RuleEngine.IsJudgement(e))
                continue;
            if (state is not null)
                state = FireDue(state, pending, policy, parties, e.At, played, steps, judged);
            var before = state;
            played.Add(e);
            state = RuleEngine.Judge(state, e, policy, parties, played, steps);
            if (judged is { Count: 0 } && e is EvidenceDeadlineMissed missed && state is not null
                && DefaultJudgments.AfterMissedEvidence(state, missed, policy) is { } judgment)
                judged.Add(DefaultJudgments.Judged(judgment, DefaultJudgments.TermsOf(state, judgment, policy)));
            if (state is not null && (before?.HoldStartVersion != state.HoldStartVersion || before.Clock.State != state.Clock.State))
            {
                pending.Clear();
                pending.AddRange(StalledHolderRule.DeadlinesOf(state, policy, parties));
            }
        }
        if (state is not null)
            FireDue(state, pending, policy, parties, until, played, steps, judged);
        return played;
    }

    /// <summary>Judges the deadlines that fell due by <paramref name="now"/>, each once, as the scheduler would have.</summary>
    private static Complaint FireDue(Complaint state, List<Deadline> pending, Policy policy, PartyDirectory parties, DateTimeOffset now,
        List<IComplaintEvent> played, List<ComplaintStep>? steps, List<JudgedByDefault>? judged)
    {
        for (var i = 0; i < pending.Count;)
        {
            if (pending[i].DueAt > now)
            {
                i++;
                continue;
            }
            var deadline = pending[i];
            pending.RemoveAt(i);
            // The rules fold what they raise: each step holds the complaint as it leaves it.
            var followUps = RuleEngine.JudgeDeadlineSteps(state, deadline, policy, parties, now);
            foreach (var step in followUps)
                played.Add(step.Event);
            steps?.AddRange(followUps);
            var before = state;
            if (followUps.Count > 0)
                state = followUps[^1].After;
            if (judged is { Count: 0 } && followUps.Count > 0 && DefaultJudgments.AfterMissedResolution(before, state, deadline, policy, parties) is { } judgment)
                judged.Add(DefaultJudgments.Judged(judgment, DefaultJudgments.TermsOf(state, judgment, policy)));
        }
        return state;
    }
}
