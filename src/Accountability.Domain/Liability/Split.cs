namespace Accountability.Domain.Liability;

/// <summary>One party's part of a remedy's cost, in basis points: 10,000 is the whole, 7,000 is 70 %.</summary>
/// <param name="Party">The registered party that bears this part.</param>
/// <param name="BasisPoints">Its part, from 1 to 10,000; the parts of a split add up to 10,000.</param>
public sealed record Share(string Party, int BasisPoints);

/// <summary>
/// Splits an amount between parties by the largest-remainder method (Hamilton's), in minor units, so the parts always add
/// up to the whole and each part is within one minor unit of its exact share: each part first gets its exact share rounded
/// down; the minor units left over (fewer than the number of parts) go one each to the parts whose exact shares lost the
/// most in rounding down; a tie goes to the larger share, then to the share listed first.
/// </summary>
public static class Split
{
    public const int Whole = 10_000;

    /// <summary>What is wrong with these shares; null when they make a split.</summary>
    public static string? Problem(IReadOnlyList<Share> shares) =>
        shares.Count == 0 ? "Name at least one party that bears the remedy."
        : shares.Any(s => s.BasisPoints is < 1 or > Whole) ? $"Each share is from 1 to {Whole} basis points."
        : shares.Select(s => s.Party).Distinct(StringComparer.Ordinal).Count() != shares.Count ? "Name each party once."
        : shares.Sum(s => (long)s.BasisPoints) != Whole ? $"The shares add up to {shares.Sum(s => (long)s.BasisPoints)} basis points, not the whole ({Whole})."
        : null;

    /// <summary>Each share's part of <paramref name="total"/> minor units, in the order the shares are given.</summary>
    public static IReadOnlyList<long> Allocate(long total, IReadOnlyList<Share> shares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (Problem(shares) is { } problem)
            throw new ArgumentException(problem, nameof(shares));
        var exact = shares.Select(s => (Int128)total * s.BasisPoints).ToArray();
        var parts = exact.Select(e => (long)(e / Whole)).ToArray();
        var left = total - parts.Sum();
        var byRemainder = Enumerable.Range(0, shares.Count)
            .OrderByDescending(i => exact[i] % Whole).ThenByDescending(i => shares[i].BasisPoints).ThenBy(i => i);
        foreach (var i in byRemainder.Take((int)left))
            parts[i]++;
        return parts;
    }

    /// <summary>Each bearer's part of <paramref name="amount"/>, in its currency.</summary>
    public static IReadOnlyList<(string Party, Money Part)> Allocate(Money amount, IReadOnlyList<Share> shares) =>
        [.. Allocate(amount.ToMinorUnits(), shares).Select((units, i) => (shares[i].Party, Money.FromMinorUnits(units, amount.Currency)))];
}
