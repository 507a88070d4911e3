using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>A default judgment made (or that a policy would make) and what it charged the party found liable; null for nothing.</summary>
public sealed record JudgedByDefault(DefaultJudgment Judgment, Money? Charged);

/// <summary>Default judgments of one party and one cause, counted, with what they charged per currency (ISO 4217 code to amount).</summary>
/// <param name="Party">The party found liable.</param>
/// <param name="Cause">The clock it let run out.</param>
/// <param name="Count">How many judgments, those without an amount included.</param>
/// <param name="Charged">What they charged, per currency.</param>
public sealed record JudgmentTotal(string Party, JudgmentCause Cause, int Count, IReadOnlyDictionary<string, decimal> Charged);

/// <summary>
/// When the policy finds a party liable by default (docs/liability.md#default-judgment): a holder that lets its resolution
/// deadline pass on a complaint escalated before it, or, with <see cref="EvidenceMissedSettings.MissedDecidesLiability"/>,
/// a party that lets an evidence due time pass. The store resolves on its behalf; never against the store itself, and never
/// a complaint resolved or ended already.
/// </summary>
public static class DefaultJudgments
{
    /// <summary>
    /// The judgment after the stalled-holder flag of a missed resolution deadline: <paramref name="before"/> is the complaint
    /// as the deadline found it (escalated already: the escalation the miss itself raises is no notice), <paramref name="flagged"/> after the flag.
    /// </summary>
    public static DefaultJudgment? AfterMissedResolution(Complaint before, Complaint flagged, Deadline missed, Policy policy, PartyDirectory parties) =>
        missed.Kind == DeadlineKind.Resolution && policy.DefaultJudgment.Enabled && before.Escalation is not null
        && missed.Holder != Party.StoreId && flagged.Holder == missed.Holder && IsOpen(flagged)
            ? new DefaultJudgment(missed.Holder, JudgmentCause.ResolutionMissed, (StalledHolderRule.Current(before, missed, policy, parties) ?? missed).DueAt)
            : null;

    /// <summary>The judgment after an evidence due time was recorded missed (and flagged, so the rule is on).</summary>
    public static DefaultJudgment? AfterMissedEvidence(Complaint flagged, EvidenceDeadlineMissed missed, Policy policy) =>
        policy.EvidenceMissed is { Enabled: true, MissedDecidesLiability: true } && missed.Party != Party.StoreId && IsOpen(flagged)
            ? new DefaultJudgment(missed.Party, JudgmentCause.EvidenceMissed, missed.Due)
            : null;

    /// <summary>
    /// The remedy the store gives: the policy's kind, for the complaint's claim, else the policy's default claim (none known:
    /// no amount, so the party is found liable and nothing is charged), borne wholly by the party judged.
    /// </summary>
    public static RemedyTerms TermsOf(Complaint state, DefaultJudgment judgment, Policy policy)
    {
        var kind = policy.DefaultJudgment.RemedyKind;
        var amount = kind == RemedyKind.None ? null : (state.Claim ?? policy.DefaultClaim)?.Normalized();
        return new RemedyTerms(kind, amount, [new Share(judgment.Party, Split.Whole)]);
    }

    /// <summary>What a judgment with these terms charges its party: the whole amount, or nothing.</summary>
    public static JudgedByDefault Judged(DefaultJudgment judgment, RemedyTerms? terms) =>
        new(judgment, terms?.Amount is { Amount: > 0 } amount ? amount : null);

    /// <summary>The default judgments a complaint's history records.</summary>
    public static IEnumerable<JudgedByDefault> Recorded(IEnumerable<IComplaintEvent> history) =>
        history.OfType<ComplaintResolved>().Where(r => r.Judgment is not null).Select(r => Judged(r.Judgment!, r.Terms));

    /// <summary>The judgments per party and cause, in order of party id then cause, each with its count and its amounts per currency.</summary>
    public static IReadOnlyList<JudgmentTotal> Totals(IEnumerable<JudgedByDefault> judged) =>
    [
        .. judged.GroupBy(j => (j.Judgment.Party, j.Judgment.Cause)).OrderBy(g => g.Key.Party, StringComparer.Ordinal).ThenBy(g => g.Key.Cause)
            .Select(g => new JudgmentTotal(g.Key.Party, g.Key.Cause, g.Count(),
                g.Where(j => j.Charged is not null).GroupBy(j => j.Charged!.Currency).OrderBy(c => c.Key, StringComparer.Ordinal)
                    .ToDictionary(c => c.Key, c => c.Sum(j => j.Charged!.Amount)))),
    ];

    private static bool IsOpen(Complaint complaint) => complaint.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed or ComplaintStatus.Cancelled);
}
