using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>A handoff that says "not our problem" without attaching anything to show it.</summary>
public sealed class EvidenceFreeHandoffRule : IRule
{
    public string Id => RuleIds.EvidenceFreeHandoff;

    public IRuleSettings SettingsIn(Policy policy) => policy.EvidenceFreeHandoff;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        e is ComplaintHandedOff handoff && handoff.Evidence.Count == 0 && policy.EvidenceFreeHandoff.Reasons.Contains(handoff.Reason)
            ? new Finding([after.Version],
                $"{parties.NameOf(handoff.From)} handed the complaint to {parties.NameOf(handoff.To)} as {Wording.Describe(handoff.Reason)} " +
                "without attaching any evidence.") { Charged = [handoff.From] }
            : null;
}
