using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>One return: A hands the complaint to B and B hands it straight back. Grows into ping-pong at the policy's threshold.</summary>
public sealed class BounceRule : IRule
{
    public string Id => RuleIds.Bounce;

    public IRuleSettings SettingsIn(Policy policy) => policy.Bounce;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        Loops.Find(Id, after, policy, story =>
        {
            var (away, back) = (story.Moves[0], story.Moves[1]);
            return $"Bounced: {parties.NameOf(away.From)} handed it to {parties.NameOf(away.To)}, who handed it back " +
                $"{Wording.Describe(back.At - away.At)} later {(back.WithEvidence ? "with" : "without")} evidence.";
        });
}
