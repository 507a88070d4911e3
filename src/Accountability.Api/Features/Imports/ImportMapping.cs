using System.Globalization;
using Accountability.Domain.Imports;
using Accountability.Domain.Text;

namespace Accountability.Api.Features.Imports;

/// <summary>Which columns of an event log mean what. Only case id, timestamp and party are required.</summary>
/// <param name="TimestampFormat">A .NET date format such as dd-MM-yyyy HH:mm; times without an offset are read as UTC.</param>
/// <param name="Missing">The value the log writes for "no value" (ServiceNow writes ?).</param>
/// <param name="Severity">A column whose words (critical, high, moderate or medium, low) set the complaint's severity.</param>
/// <param name="Statuses">What the status column's words mean (word to meaning: inProgress, waitingOnThirdParty, ...); when absent, the common words of <see cref="StatusMap.Default"/>.</param>
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
    string? Missing = null,
    IReadOnlyDictionary<string, string>? Statuses = null)
{
    public const int MaxStatusWords = 200;

    /// <summary>The status words and their meanings this mapping imports with.</summary>
    public StatusMap StatusMap() => Statuses is null ? Domain.Imports.StatusMap.Default : Domain.Imports.StatusMap.Of(Statuses);

    public const int MaxNameLength = 200;

    /// <summary>What is wrong with the mapping itself, keyed by its field as the API names it; empty when it can be used.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        void Check(string field, string? value, bool required)
        {
            var problem = value switch
            {
                null or "" when required => "is required",
                { Length: > MaxNameLength } => $"is at most {MaxNameLength} characters",
                { } text when !StorableText.IsStorable(text) => StorableText.Rule,
                _ => null,
            };
            if (problem is not null) problems[$"mapping.{field}"] = $"'mapping.{field}' {problem}.";
        }
        Check("caseId", CaseId, required: true);
        Check("timestamp", Timestamp, required: true);
        Check("timestampFormat", TimestampFormat, required: true);
        Check("party", Party, required: true);
        Check("status", Status, required: false);
        Check("person", Person, required: false);
        Check("product", Product, required: false);
        Check("category", Category, required: false);
        Check("severity", Severity, required: false);
        Check("missing", Missing, required: false);
        CheckStatuses(problems);
        if (!problems.ContainsKey("mapping.timestampFormat") && !ImportTimes.IsUsableFormat(TimestampFormat))
            problems["mapping.timestampFormat"] = $"'mapping.timestampFormat': '{TimestampFormat}' is not a .NET date format that can read back a time it wrote (e.g. yyyy-MM-dd HH:mm).";
        return problems;
    }

    private void CheckStatuses(Dictionary<string, string> problems)
    {
        if (Statuses is null)
            return;
        if (Status is null)
            problems["mapping.statuses"] = "'mapping.statuses' says what the words of the status column mean: name that column in 'mapping.status'.";
        if (Statuses.Count > MaxStatusWords)
            problems["mapping.statuses"] = $"'mapping.statuses' holds at most {MaxStatusWords} words.";
        foreach (var (word, meaning) in Statuses)
        {
            if (string.IsNullOrWhiteSpace(word) || word.Length > MaxNameLength || !StorableText.IsStorable(word))
                problems["mapping.statuses"] = $"'mapping.statuses': every status word is text of 1 to {MaxNameLength} characters.";
            else if (!Domain.Imports.StatusMap.TryParseMeaning(meaning, out _))
                problems[$"mapping.statuses[{word}]"] =
                    $"'mapping.statuses[{word}]': '{meaning}' is not a meaning; use one of {string.Join(", ", Domain.Imports.StatusMap.MeaningNames)}.";
        }
        var twice = Statuses.Keys.Where(w => !string.IsNullOrWhiteSpace(w)).GroupBy(Domain.Imports.StatusMap.Normalise).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            problems["mapping.statuses"] = $"'mapping.statuses' names {string.Join(" and ", twice.Select(w => $"'{w}'"))}, one word (case and spaces around it do not count).";
    }

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

/// <summary>Reading a log's times with the mapping's format.</summary>
public static class ImportTimes
{
    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

    private static readonly DateTimeOffset Sample = new(2026, 1, 31, 13, 45, 30, TimeSpan.Zero);

    /// <summary>A format is usable when a time written with it reads back: some formats (%, \, ') throw, others never parse.</summary>
    public static bool IsUsableFormat(string format)
    {
        try
        {
            return TryParse(Sample.ToString(format, CultureInfo.InvariantCulture), format, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static bool TryParse(string? text, string format, out DateTimeOffset at)
    {
        at = default;
        try
        {
            if (text is null)
                return false;
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out at))
                return true;
            // A time whose offset takes it past year 1 or 9999 is still a time: the caller refuses it as impossible.
            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var unplaceable))
                return false;
            at = unplaceable.Year < 5000 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
            return true;
        }
        catch (Exception unreadable) when (unreadable is FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
