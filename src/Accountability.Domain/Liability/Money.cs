namespace Accountability.Domain.Liability;

/// <summary>
/// An amount of one currency: a decimal, never a floating-point number, and an ISO 4217 code. Valid when the currency is
/// on the list, the amount is not negative, and it is a whole number of the currency's minor units (cents for EUR, none for
/// JPY, fils for BHD): <see cref="Problem(decimal, string?)"/> says why not.
/// </summary>
/// <param name="Amount">How much, in the currency's major unit (12.50 is twelve euros fifty).</param>
/// <param name="Currency">The ISO 4217 alphabetic code, upper case (EUR, JPY, BHD).</param>
public sealed record Money(decimal Amount, string Currency)
{
    /// <summary>A billion of the major unit: no single remedy comes near it, and any amount in minor units fits a 64-bit integer.</summary>
    public const decimal Limit = 1_000_000_000m;

    /// <summary>What is wrong with this amount of this currency; null when it is valid.</summary>
    public static string? Problem(decimal amount, string? currency) =>
        Currencies.Find(currency) is not { } known ? $"'{currency}' is not an ISO 4217 currency code (such as EUR, USD, JPY)."
        : amount < 0 ? "An amount may not be negative."
        : amount >= Limit ? "An amount is less than 1,000,000,000."
        : decimal.Round(amount, known.MinorUnits) != amount
            ? $"{known.Code} has {known.MinorUnits} decimal place{(known.MinorUnits == 1 ? "" : "s")}: {amount} is not a whole number of its minor unit."
        : null;

    public string? Problem() => Problem(Amount, Currency);

    /// <summary>The amount in minor units (1250 for EUR 12.50); only for a valid amount.</summary>
    public long ToMinorUnits() => (long)(Amount * Pow10(Known.MinorUnits));

    /// <summary>An amount of <paramref name="units"/> minor units, written with the currency's decimal places (12.50, not 12.5).</summary>
    public static Money FromMinorUnits(long units, string currency)
    {
        var known = Liability.Currencies.Find(currency) ?? throw new ArgumentException($"Unknown currency '{currency}'.", nameof(currency));
        return new Money(units * new decimal(1, 0, 0, false, (byte)known.MinorUnits), known.Code);
    }

    /// <summary>The same amount written with exactly the currency's decimal places.</summary>
    public Money Normalized() => FromMinorUnits(ToMinorUnits(), Currency);

    public override string ToString() => $"{Currency} {Amount.ToString("F" + Known.MinorUnits, System.Globalization.CultureInfo.InvariantCulture)}";

    private Currency Known => Liability.Currencies.Find(Currency) ?? throw new InvalidOperationException($"Unknown currency '{Currency}'.");

    private static decimal Pow10(int exponent) => exponent == 0 ? 1m : 10m * Pow10(exponent - 1);
}
