using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>
/// Passed on again and again, each party passing it within the policy's window of receiving it, acknowledged or not:
/// nobody keeps it long enough to work on it.
/// </summary>
public sealed class ChurnRule : IRule
{
    public string Id => RuleIds.Churn;

    public IRuleSettings SettingsIn(Policy policy) => policy.Churn;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties)
    {
        var window = TimeSpan.FromHours(policy.Churn.WindowHours);
        var quick = after.Track.Passes.AsEnumerable().Reverse().TakeWhile(p => p.Held <= window).Reverse().ToList();
        var count = policy.Churn.Handoffs;
        if (e is not ComplaintHandedOff || quick.Count < count)
            return null;
        var recent = quick.Skip(quick.Count - count).Select(p => p.Move).ToList();
        var passers = recent.Select(m => m.By).Distinct().ToList();
        return new Finding([.. recent.Select(m => m.Version)],
            $"Passed on {count} times in {Wording.Describe(recent[^1].At - recent[0].At)}, each time within {Wording.Describe(window)} " +
            $"of receiving it, by {Wording.List(passers.Select(parties.NameOf))}.") { Charged = passers };
    }
}
