using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>A hub re-routes: D sends the complaint to X, it comes back, D sends it to Y, it comes back again.</summary>
public sealed class HubRule : IRule
{
    public string Id => RuleIds.Hub;

    public IRuleSettings SettingsIn(Policy policy) => policy.Hub;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        Loops.Find(Id, after, policy, story =>
        {
            var hub = story.Moves[^1].To;
            var returns = story.Moves.Where(m => m.To == hub).ToList();
            return $"Came back to {parties.NameOf(hub)} {returns.Count} times in {Wording.Describe(story.Moves[^1].At - story.Moves[0].At)}, " +
                $"sent back by {Wording.List(returns.Select(m => m.By).Distinct().Select(parties.NameOf))}: " +
                $"{parties.NameOf(hub)} keeps routing it on and it keeps coming back.";
        });
}
