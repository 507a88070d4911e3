using System.Globalization;
using Accountability.Domain.Imports;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Imports;

/// <summary>Which columns of an event log mean what. Only case id, timestamp and party are required.</summary>
/// <param name="TimestampFormat">A .NET date format such as dd-MM-yyyy HH:mm; times without an offset are read as UTC.</param>
/// <param name="Missing">The value the log writes for "no value" (ServiceNow writes ?).</param>
/// <param name="Severity">A column whose words (critical, high, moderate or medium, low) set the complaint's severity.</param>
public sealed record ImportMapping(
    string CaseId,
    string Timestamp,
    string TimestampFormat,
    string Party,
    string? Status = null,
    string? Person = null,
    string? Product = null,
    string? Category = null,
    string? Severity = null,
    string? Missing = null)
{
    /// <summary>Resolves the column names against a header row; names the ones that are not there.</summary>
    public ColumnIndexes Resolve(string[] header)
    {
        var missing = new List<string>();
        int? Find(string? name)
        {
            if (name is null) return null;
            var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
            if (index < 0) missing.Add(name);
            return index < 0 ? null : index;
        }
        var columns = new ColumnIndexes(this, Find(CaseId) ?? -1, Find(Timestamp) ?? -1, Find(Party) ?? -1,
            Find(Status), Find(Person), Find(Product), Find(Category), Find(Severity));
        return missing.Count == 0 ? columns : throw new InvalidDataException($"The file has no column named {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
    }
}

/// <summary>The mapping, resolved to column positions: turns one record into a row, or says what is wrong with it.</summary>
public sealed record ColumnIndexes(ImportMapping Mapping, int CaseId, int Timestamp, int Party, int? Status, int? Person, int? Product, int? Category, int? Severity)
{
    public (HistoryRow? Row, string? Problem) Parse(int line, string[] fields, Func<string, string> partyId)
    {
        string? Value(int? index) => index is { } i && i < fields.Length && fields[i].Trim() is { Length: > 0 } v && v != Mapping.Missing ? v : null;
        if (Value(CaseId) is not { } caseId)
            return (null, $"no case id in column '{Mapping.CaseId}'");
        var text = Value(Timestamp);
        if (!DateTime.TryParseExact(text, Mapping.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            return (null, $"'{text}' in column '{Mapping.Timestamp}' is not a time in the format {Mapping.TimestampFormat}");
        var party = Value(Party) is { } name ? partyId(name) : null;
        return (new HistoryRow(line, caseId, new DateTimeOffset(at, TimeSpan.Zero), party, Value(Status), Value(Person), Value(Product), Value(Category),
            SeverityOf(Value(Severity))), null);
    }

    private static Severity? SeverityOf(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        var t when t.Contains("critical") => Domain.Rules.Severity.Critical,
        var t when t.Contains("high") => Domain.Rules.Severity.High,
        var t when t.Contains("low") => Domain.Rules.Severity.Low,
        _ => Domain.Rules.Severity.Medium,
    };
}
