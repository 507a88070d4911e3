using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>
/// A party let the due time of the operator's request for evidence pass without answering: flagged and charged to that
/// party when the miss is recorded, with the request and the miss as evidence.
/// </summary>
public sealed class EvidenceMissedRule : IRule
{
    public string Id => RuleIds.EvidenceMissed;

    public IRuleSettings SettingsIn(Policy policy) => policy.EvidenceMissed;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) =>
        e is EvidenceDeadlineMissed missed && before.EvidenceRequests.FirstOrDefault(r => r.Id == missed.RequestId) is { } request
            ? new Finding([request.Version, after.Version],
                $"{parties.NameOf(missed.Party)} did not give the evidence asked for ({request.Needed}) by its due time, {Wording.Time(missed.Due)}.")
            {
                Charged = [missed.Party],
            }
            : null;
}
