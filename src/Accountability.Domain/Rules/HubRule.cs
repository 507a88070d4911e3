using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>A hub re-routes: D sends the complaint to X, it comes back, D sends it elsewhere, it comes back again.</summary>
public sealed class HubRule : IRule
{
    public string Id => RuleIds.Hub;

    public IRuleSettings SettingsIn(Policy policy) => policy.Hub;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        Loops.Find(Id, after, policy, story =>
        {
            var hub = story.Moves[^1].To;
            var routes = story.Moves.Where(m => m.From == hub).Select(m => m.To).Distinct().Select(parties.NameOf);
            return $"Came back to {parties.NameOf(hub)} {story.Moves.Count(m => m.To == hub)} times in {Wording.Describe(story.Moves[^1].At - story.Moves[0].At)}: " +
                $"{parties.NameOf(hub)} routed it to {Wording.List(routes)} and each time it came back.";
        });
}
