using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Imports;

/// <summary>
/// Judges the events of a case's later rows after the complaint's recorded history, as they would have been judged
/// live: each in order through the rules, with the deadlines still owed from before (and those of each new hold)
/// judged when they fall due, up to <c>until</c>.
/// </summary>
public static class AppendedHistory
{
    /// <param name="owed">The deadlines the history left to judge (scheduled, not yet judged).</param>
    public static IReadOnlyList<IComplaintEvent> Play(Complaint state, IEnumerable<Deadline> owed, IReadOnlyList<IComplaintEvent> appended,
        Policy policy, PartyDirectory parties, DateTimeOffset until)
    {
        var pending = owed.ToList();
        var played = new List<IComplaintEvent>();
        foreach (var e in appended)
        {
            state = FireDue(state, pending, policy, parties, e.At, played);
            var followUps = RuleEngine.Judge(state, [e], policy, parties);
            var before = state;
            state = followUps.Aggregate(Complaint.Evolve(state, e)!, (s, f) => Complaint.Evolve(s, f)!);
            played.Add(e);
            played.AddRange(followUps);
            if (before.HoldStartVersion != state.HoldStartVersion || before.Clock.State != state.Clock.State)
            {
                pending.Clear();
                pending.AddRange(StalledHolderRule.DeadlinesOf(state, policy, parties));
            }
        }
        FireDue(state, pending, policy, parties, until, played);
        return played;
    }

    private static Complaint FireDue(Complaint state, List<Deadline> pending, Policy policy, PartyDirectory parties, DateTimeOffset now, List<IComplaintEvent> played)
    {
        foreach (var deadline in pending.Where(d => d.DueAt <= now).ToList())
        {
            pending.Remove(deadline);
            var followUps = RuleEngine.JudgeDeadline(state, deadline, policy, parties, now);
            played.AddRange(followUps);
            state = followUps.Aggregate(state, (s, f) => Complaint.Evolve(s, f)!);
        }
        return state;
    }
}
