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

    /// <summary>As <see cref="Play"/>, with the complaint the played events fold to (null for no history).</summary>
    public static (IReadOnlyList<IComplaintEvent> Events, Complaint? After) PlayFolded(IEnumerable<IComplaintEvent> history, Policy policy,
        PartyDirectory parties, DateTimeOffset until) =>
        ContinueFolded(null, [], history, policy, parties, until);

    /// <summary>
    /// Plays events after a complaint's state as <see cref="Play"/> does from the start: each judged in order, with the
    /// deadlines the state still owed (and those of each new hold) judged when they fall due, up to <paramref name="until"/>.
    /// </summary>
    public static IReadOnlyList<IComplaintEvent> Continue(Complaint? state, IEnumerable<Deadline> owed, IEnumerable<IComplaintEvent> events,
        Policy policy, PartyDirectory parties, DateTimeOffset until) =>
        ContinueFolded(state, owed, events, policy, parties, until).Events;

    /// <summary>As <see cref="Continue"/>, with the complaint the state and the played events fold to: the fold is done once, while judging.</summary>
    public static (IReadOnlyList<IComplaintEvent> Events, Complaint? After) ContinueFolded(Complaint? state, IEnumerable<Deadline> owed,
        IEnumerable<IComplaintEvent> events, Policy policy, PartyDirectory parties, DateTimeOffset until) =>
        PlayJudging(state, owed, events, policy, parties, until, judged: null);

    /// <summary>
    /// The default judgment this policy would have made on the complaint's history (docs/liability.md#default-judgment): the
    /// first, as a judgment resolves the complaint; none, or one. The history after it is played as recorded, and a recorded
    /// judgment as a fact (a resolution), as a recorded takeover is.
    /// </summary>
    public static IReadOnlyList<JudgedByDefault> Judgments(IEnumerable<IComplaintEvent> history, Policy policy, PartyDirectory parties, DateTimeOffset until)
    {
        var judged = new List<JudgedByDefault>();
        PlayJudging(null, [], history, policy, parties, until, judged);
        return judged;
    }

    private static (IReadOnlyList<IComplaintEvent> Events, Complaint? After) PlayJudging(Complaint? state, IEnumerable<Deadline> owed,
        IEnumerable<IComplaintEvent> events, Policy policy, PartyDirectory parties, DateTimeOffset until, List<JudgedByDefault>? judged)
    {
        var pending = owed.ToList();
        var played = new List<IComplaintEvent>();
        foreach (var e in events)
        {
            if (RuleEngine.IsJudgement(e))
                continue;
            if (state is not null)
                state = FireDue(state, pending, policy, parties, e.At, played, judged);
            var before = state;
            played.Add(e);
            state = RuleEngine.Judge(state, e, policy, parties, played);
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
            state = FireDue(state, pending, policy, parties, until, played, judged);
        return (played, state);
    }

    /// <summary>Judges the deadlines that fell due by <paramref name="now"/>, each once, as the scheduler would have.</summary>
    private static Complaint FireDue(Complaint state, List<Deadline> pending, Policy policy, PartyDirectory parties, DateTimeOffset now, List<IComplaintEvent> played,
        List<JudgedByDefault>? judged)
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
            var followUps = RuleEngine.JudgeDeadline(state, deadline, policy, parties, now);
            played.AddRange(followUps);
            var before = state;
            foreach (var followUp in followUps)
                state = Complaint.Evolve(state, followUp)!;
            if (judged is { Count: 0 } && followUps.Count > 0 && DefaultJudgments.AfterMissedResolution(before, state, deadline, policy, parties) is { } judgment)
                judged.Add(DefaultJudgments.Judged(judgment, DefaultJudgments.TermsOf(state, judgment, policy)));
        }
        return state;
    }
}
