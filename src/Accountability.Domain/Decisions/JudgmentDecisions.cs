using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Decisions;

/// <summary>
/// The store resolves by default judgment (<see cref="DefaultJudgments"/>): an ordinary resolution by the store, liable the
/// party judged, which bears the remedy whole, marked with the judgment; its charge follows as any remedy's does.
/// </summary>
public static class JudgmentDecisions
{
    private static readonly Actor Store = new(Party.StoreId, ActorKind.Operator);

    public static IReadOnlyList<IComplaintEvent> Resolve(Complaint state, DefaultJudgment judgment, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        var terms = DefaultJudgments.TermsOf(state, judgment, policy);
        var resolved = new ComplaintResolved(Party.StoreId, RootCause.Unknown, judgment.Party, Note(judgment, parties), now, terms, judgment);
        return [resolved, .. ChargeDecisions.ChargesOf(state, judgment.Party, terms, Store, now)];
    }

    /// <summary>The resolution's note: who let which clock run out, in words the timeline and the webhooks' reason carry.</summary>
    private static string Note(DefaultJudgment judgment, PartyDirectory parties) => judgment.Cause switch
    {
        JudgmentCause.ResolutionMissed =>
            $"Default judgment: {parties.NameOf(judgment.Party)} did not resolve the escalated complaint by its deadline, {Wording.Time(judgment.Due)}; the store resolved it on its behalf.",
        _ => $"Default judgment: {parties.NameOf(judgment.Party)} did not give the evidence asked for by {Wording.Time(judgment.Due)}; the store resolved it on its behalf.",
    };
}
