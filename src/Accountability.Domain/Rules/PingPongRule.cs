using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>The complaint goes A to B to A (and on): two parties bat it back and forth.</summary>
public sealed class PingPongRule : IRule
{
    public string Id => RuleIds.PingPong;

    public IRuleSettings SettingsIn(Policy policy) => policy.PingPong;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties)
    {
        var run = after.Track.BackAndForth;
        if (e is not ComplaintHandedOff || run.Count < policy.PingPong.Handoffs)
            return null;
        return new Finding([.. run.Select(h => h.Version)],
            $"Handed back and forth between {parties.NameOf(run[0].From)} and {parties.NameOf(run[0].To)} {run.Count} times " +
            $"in {Wording.Describe(run[^1].At - run[0].At)}.");
    }
}
