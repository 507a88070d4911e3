using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>The complaint comes back to a party that passed it on, after going through at least two others, in one episode.</summary>
public sealed class CycleRule : IRule
{
    public string Id => RuleIds.Cycle;

    public IRuleSettings SettingsIn(Policy policy) => policy.Cycle;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        Loops.Find(Id, after, policy, story =>
            $"Came back to {parties.NameOf(story.Moves[^1].To)} after passing through " +
            $"{Wording.List(story.Moves.SkipLast(1).Select(m => m.To).Distinct().Select(parties.NameOf))}, without anyone resolving it.");
}
