using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>The complaint goes A to B to A to B (and on): two parties bat it back and forth.</summary>
public sealed class PingPongRule : IRule
{
    public string Id => RuleIds.PingPong;

    public IRuleSettings SettingsIn(Policy policy) => policy.PingPong;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        Loops.Find(Id, after, policy, story =>
            $"Handed back and forth between {parties.NameOf(story.Moves[0].From)} and {parties.NameOf(story.Moves[0].To)} {story.Moves.Count} times " +
            $"in {Wording.Describe(story.Moves[^1].At - story.Moves[0].At)}.");
}
