namespace Accountability.Domain.Liability;

/// <summary>What the customer got to put it right: Refund, Replacement, Repair, Credit (store credit), or None.</summary>
public enum RemedyKind
{
    Refund,
    Replacement,
    Repair,
    Credit,
    None,
}

/// <summary>
/// A remedy with money: its kind, what it cost, and who bears the cost (the liable party alone when <paramref name="Bearers"/>
/// is null, else the split).
/// </summary>
/// <param name="Kind">What the customer got.</param>
/// <param name="Amount">What it cost, in the currency it was paid in; null for a remedy that cost nothing to charge.</param>
/// <param name="Bearers">Who bears the cost and in what parts; null when the liable party bears it all.</param>
public sealed record RemedyTerms(RemedyKind Kind, Money? Amount, IReadOnlyList<Share>? Bearers = null);

/// <summary>Why a charge was made: the remedy of a resolution, or a correction replacing a reversed charge.</summary>
public enum ChargeCause
{
    Remedy,
    Correction,
}
