using System.Globalization;
using Accountability.Domain.Imports;
using Accountability.Domain.Liability;
using Accountability.Domain.Text;
using Accountability.Domain.Times;

namespace Accountability.Api.Features.Imports;

/// <summary>The mapping, resolved to column positions: turns one record into a row, or says what is wrong with it.</summary>
public sealed record ColumnIndexes(ImportMapping Mapping, int CaseId, int Timestamp, int Party, int? Status, int? Person, int? Product, int? Category, int? Severity)
{
    public int? ClaimAmount { get; init; }

    public int? ClaimCurrency { get; init; }

    /// <summary>The positions of the mapped columns: the only cells read.</summary>
    public IReadOnlyCollection<int> Wanted =>
        new[] { CaseId, Timestamp, Party, Status, Person, Product, Category, Severity, ClaimAmount, ClaimCurrency }.OfType<int>().Distinct().ToArray();

    /// <param name="now">Times after a day from now, or before 1970, are not times a case can have.</param>
    /// <param name="parties">The party a name in the party column stands for, or why it stands for none.</param>
    public (HistoryRow? Row, string? Problem) Parse(int line, string?[] fields, DateTimeOffset now, ImportedParties parties)
    {
        if (Unstorable(fields) is { } column)
            return (null, $"the value {Mapping.PlaceOf(column)} {StorableText.Rule}");
        string? Value(int? index) => index is { } i && i < fields.Length && fields[i]?.Trim() is { Length: > 0 } v && v != Mapping.Missing ? v : null;
        if (Value(CaseId) is not { } caseId)
            return (null, $"no case id {Mapping.PlaceOf(Mapping.CaseId)}");
        var text = Value(Timestamp);
        if (!ImportTimes.TryParse(text, Mapping.TimestampFormat, out var at))
            return (null, $"'{text}' {Mapping.PlaceOf(Mapping.Timestamp)} is not a time in the format {ImportTimes.NameOf(Mapping.TimestampFormat)}");
        if (!HappenedTime.IsPossible(at, now))
            return (null, $"'{text}' {Mapping.PlaceOf(Mapping.Timestamp)} is not a time a case can have: it {HappenedTime.Rule}");
        string? party = null;
        if (Value(Party) is { } name)
        {
            var (id, problem) = parties.IdOf(name);
            if (problem is not null)
                return (null, $"'{name}' {Mapping.PlaceOf(Mapping.Party)}: {problem}");
            party = id;
        }
        Money? claim = null;
        if (Value(ClaimAmount) is { } amountText && Value(ClaimCurrency) is { } currency)
        {
            if (!decimal.TryParse(amountText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
                return (null, $"'{amountText}' {Mapping.PlaceOf(Mapping.ClaimAmount!)} is not an amount (digits, a point for decimals: 19.99)");
            if (Money.Problem(amount, currency) is { } problem)
                return (null, $"the claim '{amountText} {currency}' {Mapping.PlaceOf(Mapping.ClaimAmount!)}: {problem}");
            claim = new Money(amount, currency);
        }
        return (new HistoryRow(line, caseId, at.ToUniversalTime(), party, Value(Status), Value(Person), Value(Product), Value(Category),
            SeverityOf(Value(Severity)), Mapping.PersonIsSender) { Claim = claim }, null);
    }

    /// <summary>The mapped column whose cell the ledger could not keep, if any.</summary>
    private string? Unstorable(string?[] fields) =>
        new (int? Index, string? Name)[]
            {
                (CaseId, Mapping.CaseId), (Timestamp, Mapping.Timestamp), (Party, Mapping.Party), (Status, Mapping.Status),
                (Person, Mapping.Person), (Product, Mapping.Product), (Category, Mapping.Category), (Severity, Mapping.Severity),
                (ClaimAmount, Mapping.ClaimAmount), (ClaimCurrency, Mapping.ClaimCurrency),
            }
            .FirstOrDefault(c => c.Index is { } i && i < fields.Length && !StorableText.IsStorable(fields[i].AsSpan())).Name;

    private static Domain.Rules.Severity? SeverityOf(string? text) => text?.ToLowerInvariant() switch
    {
        null => null,
        var t when t.Contains("critical") || t.Contains("urgent") => Domain.Rules.Severity.Critical,
        var t when t.Contains("high") => Domain.Rules.Severity.High,
        var t when t.Contains("low") => Domain.Rules.Severity.Low,
        _ => Domain.Rules.Severity.Medium,
    };
}
