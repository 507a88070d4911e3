using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>
/// The customer asked the store to step in: the loudest sign that the parties let them down. The evidence is the events
/// proving the flags of the episode that gave the customer the right to ask, then the request; it is charged to the
/// holder they gave up on.
/// </summary>
public sealed class StepInRequestRule : IRule
{
    public string Id => RuleIds.StepInRequested;

    public IRuleSettings SettingsIn(Policy policy) => policy.StepInRequest;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties)
    {
        if (e is not StepInRequested)
            return null;
        var grounds = before.EpisodeFlags().OrderBy(f => f.Version).ToList();
        var asked = $"The customer asked {parties.NameOf(Party.StoreId)} to step in while {parties.NameOf(before.Holder)} held the complaint";
        var sentence = grounds.Count == 0 ? $"{asked}."
            : $"{asked}, after {(grounds.Count == 1 ? "1 flag" : $"{grounds.Count} flags")} in this episode: {string.Join(", ", grounds.Select(f => f.Rule))}.";
        // The evidence is what proves the grounds (events, never the flags themselves: a replay numbers its own flags
        // differently, and re-judging compares evidence), then the request.
        return new Finding([.. grounds.SelectMany(f => f.Evidence).Distinct().Order(), after.Version], sentence) { Charged = [before.Holder] };
    }
}
