using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>Resolved and reopened again and again: the fixes do not fix the real problem.</summary>
public sealed class ReopenLoopRule : IRule
{
    public string Id => RuleIds.ReopenLoop;

    public IRuleSettings SettingsIn(Policy policy) => policy.ReopenLoop;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties)
    {
        var reopens = after.Track.ReopensSinceFlag;
        if (e is not ComplaintReopened || reopens.Count < policy.ReopenLoop.Reopens)
            return null;
        return new Finding([.. reopens], $"Reopened {reopens.Count} times since it was last flagged: the fixes have not fixed the real problem.")
        {
            Charged = [after.Holder],
        };
    }
}
