using System.Collections.Frozen;

namespace Accountability.Domain.Liability;

/// <summary>An ISO 4217 currency: its alphabetic and numeric codes, and how many decimal places its minor unit has (JPY 0, EUR 2, BHD 3).</summary>
public sealed record Currency(string Code, string Numeric, int MinorUnits, string Name);

/// <summary>
/// The ISO 4217 list of current currencies (SIX Group's list one), committed as data beside this file
/// (iso4217-list-one.csv, with its source and date) and read once from the assembly.
/// </summary>
public static class Currencies
{
    private const string Resource = "Accountability.Domain.Liability.iso4217-list-one.csv";

    private static readonly FrozenDictionary<string, Currency> ByCode = Read().ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);

    public static IReadOnlyCollection<Currency> All => ByCode.Values;

    /// <summary>The currency of an alphabetic code, upper case as ISO writes it; null when the list has none.</summary>
    public static Currency? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    private static IEnumerable<Currency> Read()
    {
        using var stream = typeof(Currencies).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The currency list {Resource} is not embedded.");
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var line in lines.Where(l => !l.StartsWith('#')).Skip(1))
        {
            var cells = line.Split(',');
            yield return new Currency(cells[0], cells[1], int.Parse(cells[2], System.Globalization.CultureInfo.InvariantCulture), cells[3]);
        }
    }
}
