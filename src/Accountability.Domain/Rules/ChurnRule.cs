using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>Many handoffs in a short time with nobody acknowledging the complaint or making progress on it.</summary>
public sealed class ChurnRule : IRule
{
    public string Id => RuleIds.Churn;

    public IRuleSettings SettingsIn(Policy policy) => policy.Churn;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties)
    {
        var hops = after.Track.SinceProgress;
        var count = policy.Churn.Handoffs;
        if (e is not ComplaintHandedOff || hops.Count < count)
            return null;
        var recent = hops.Skip(hops.Count - count).ToList();
        var span = recent[^1].At - recent[0].At;
        if (span > TimeSpan.FromHours(policy.Churn.WindowHours))
            return null;
        return new Finding([.. recent.Select(h => h.Version)],
            $"Handed off {count} times in {Wording.Describe(span)} without anyone acknowledging it or making progress.");
    }
}
