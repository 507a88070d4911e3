namespace Accountability.Domain.Liability;

/// <summary>Which clock a party let run out when the store resolved on its behalf.</summary>
public enum JudgmentCause
{
    /// <summary>The holder of an escalated complaint let its resolution deadline pass.</summary>
    ResolutionMissed,
    /// <summary>A party let the due time of the operator's request for evidence pass unanswered.</summary>
    EvidenceMissed,
}

/// <summary>
/// A resolution by default judgment: the store resolved on behalf of <paramref name="Party"/>, which let a clock run out,
/// and found it liable (as Amazon's A-to-z Guarantee grants a claim the seller leaves unanswered and debits the seller).
/// </summary>
/// <param name="Party">The party that let its clock run out: found liable, and charged the remedy.</param>
/// <param name="Cause">Which clock: its resolution deadline, or an evidence request's due time.</param>
/// <param name="Due">When that clock ran out.</param>
public sealed record DefaultJudgment(string Party, JudgmentCause Cause, DateTimeOffset Due);
