using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>The complaint comes back to a party that passed it on, after going through at least two others.</summary>
public sealed class CycleRule : IRule
{
    public string Id => RuleIds.Cycle;

    public IRuleSettings SettingsIn(Policy policy) => policy.Cycle;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties)
    {
        if (e is not ComplaintHandedOff handoff || !before.Track.Visits.TryGetValue(handoff.To, out var visit)
            || visit is not { LeftMove: { } leftMove, LeftVersion: { } leftVersion })
            return null;
        var between = before.Track.Visits
            .Where(v => v.Key != handoff.To && v.Value.ArrivedMove >= leftMove)
            .OrderBy(v => v.Value.ArrivedMove)
            .ToList();
        if (between.Count < 2)
            return null;
        var evidence = new[] { leftVersion }.Concat(between.Select(v => v.Value.ArrivedVersion)).Append(after.Version).Distinct().Order();
        return new Finding([.. evidence],
            $"Came back to {parties.NameOf(handoff.To)} after passing through {Wording.List(between.Select(v => parties.NameOf(v.Key)))}, " +
            "without anyone resolving it.");
    }
}
