using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Domain.Imports;
using Accountability.Domain.Text;

namespace Accountability.Api.Features.Imports;

/// <summary>Which columns of an event log mean what (docs/import.md). Only case id, timestamp and party are required.</summary>
/// <param name="CaseId">The column (for jsonl, the path) holding the case's id in the source; its rows become one complaint.</param>
/// <param name="Timestamp">The column holding when the row's update happened.</param>
/// <param name="Party">The column holding the party that has the case after the row's update.</param>
/// <param name="Status">The column holding the case's status word (see statuses).</param>
/// <param name="Person">The column holding the person who made the update (see personIs).</param>
/// <param name="Product">The column holding the product or listing the case is about.</param>
/// <param name="Category">The column holding what kind of trouble it is.</param>
/// <param name="TimestampFormat">A .NET date format such as dd-MM-yyyy HH:mm; without one, ISO 8601 (2026-01-31T13:45:30+01:00). Times without an offset are read as UTC.</param>
/// <param name="PersonIs">Whether the person on a row that changes the party is the one who handed the case off (sender) or the one it went to (receiver); required with person.</param>
/// <param name="Missing">The value the log writes for "no value" (ServiceNow writes ?).</param>
/// <param name="Severity">A column whose words (critical, high, moderate or medium, low) set the complaint's severity.</param>
/// <param name="Delimiter">The CSV field separator: ",", ";" or "\t" (tab); detected from the header when left out.</param>
/// <param name="Format">"csv" (the default) or "jsonl": JSON Lines, whose fields are paths (docs/import-sources.md).</param>
/// <param name="Rows">JSON Lines only: the path of an array in each line whose elements are the updates (a Jira issue's changeHistories); without it each line is one update.</param>
/// <param name="ClaimAmount">The column holding what is at stake (the order's price), a number with a point for decimals (19.99); with claimCurrency.</param>
/// <param name="ClaimCurrency">The column holding the ISO 4217 code of the claim's amount (EUR); with claimAmount.</param>
/// <param name="Statuses">What the status column's words mean (word to meaning: inProgress, waitingOnThirdParty, ...); when absent, the common words of <see cref="StatusMap.Default"/> (docs/import.md).</param>
public sealed record ImportMapping(
    string CaseId,
    string Timestamp,
    string Party,
    string? TimestampFormat = null,
    string? Status = null,
    string? Person = null,
    string? PersonIs = null,
    string? Product = null,
    string? Category = null,
    string? Severity = null,
    string? Missing = null,
    string? Delimiter = null,
    IReadOnlyDictionary<string, string>? Statuses = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Rows = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClaimAmount = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClaimCurrency = null)
{
    public const string Csv = "csv";

    public const string JsonLines = "jsonl";

    public const int MaxNameLength = 200;

    public const int MaxStatusWords = 200;

    /// <summary>The status words and their meanings this mapping imports with.</summary>
    public StatusMap StatusMap() => Statuses is null ? Domain.Imports.StatusMap.Default : Domain.Imports.StatusMap.Of(Statuses);

    public static readonly string[] Options =
        ["caseId", "timestamp", "timestampFormat", "party", "status", "person", "personIs", "product", "category", "severity", "missing", "delimiter", "statuses", "format", "rows", "claimAmount", "claimCurrency"];

    private static readonly Dictionary<string, char> Separators = new() { [","] = ',', [";"] = ';', ["\t"] = '\t', ["tab"] = '\t' };

    /// <summary>Options the mapping does not know; refused, so that a misspelt option is never silently ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; init; }

    [JsonIgnore]
    public char? Separator => Delimiter is null ? null : Separators.GetValueOrDefault(Delimiter);

    [JsonIgnore]
    public bool IsJsonLines => Format == JsonLines;

    /// <summary>How a message names where a field's value is read: a CSV column or a JSON path.</summary>
    public string PlaceOf(string name) => IsJsonLines ? $"at '{name}'" : $"in column '{name}'";

    [JsonIgnore]
    public bool PersonIsSender => PersonIs == "sender";

    /// <summary>The mapped column of each field, as the API names the field.</summary>
    public IEnumerable<(string Field, string Column)> Columns() =>
        new (string Field, string? Column)[]
            {
                ("caseId", CaseId), ("timestamp", Timestamp), ("party", Party), ("status", Status), ("person", Person),
                ("product", Product), ("category", Category), ("severity", Severity),
                ("claimAmount", ClaimAmount), ("claimCurrency", ClaimCurrency),
            }
            .Where(c => c.Column is not null)
            .Select(c => (c.Field, c.Column!));

    /// <summary>What is wrong with the mapping itself, keyed by its field as the API names it; empty when it can be used.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        void Add(string field, string problem) => problems.TryAdd($"mapping.{field}", $"'mapping.{field}' {problem}.");
        void Check(string field, string? value, bool required)
        {
            var problem = value switch
            {
                null or "" when required => "is required",
                "" => "is empty: leave it out instead",
                { Length: > MaxNameLength } => $"is at most {MaxNameLength} characters",
                { } text when !StorableText.IsStorable(text) => StorableText.Rule,
                _ => null,
            };
            if (problem is not null) Add(field, problem);
        }
        Check("caseId", CaseId, required: true);
        Check("timestamp", Timestamp, required: true);
        Check("party", Party, required: true);
        Check("timestampFormat", TimestampFormat, required: false);
        Check("status", Status, required: false);
        Check("person", Person, required: false);
        Check("product", Product, required: false);
        Check("category", Category, required: false);
        Check("severity", Severity, required: false);
        Check("missing", Missing, required: false);
        Check("claimAmount", ClaimAmount, required: false);
        Check("claimCurrency", ClaimCurrency, required: false);
        if ((ClaimAmount is null) != (ClaimCurrency is null))
            Add(ClaimAmount is null ? "claimAmount" : "claimCurrency", "is required with the other claim column: a claim is an amount and its currency");
        if (TimestampFormat is { Length: > 0 } format && !problems.ContainsKey("mapping.timestampFormat") && !ImportTimes.IsUsableFormat(format))
            Add("timestampFormat", $"'{format}' is not a .NET date format that can read back a time it wrote (e.g. yyyy-MM-dd HH:mm); leave it out for ISO 8601");
        if (Person is not null && PersonIs is null)
            Add("personIs", "is required with 'person': say whether the person on a handoff row is the \"sender\" or the \"receiver\"");
        else if (PersonIs is not (null or "sender" or "receiver"))
            Add("personIs", "is \"sender\" or \"receiver\"");
        if (Delimiter is not null && !Separators.ContainsKey(Delimiter))
            Add("delimiter", "is \",\", \";\" or \"\\t\" (tab); leave it out to detect it from the header");
        CheckStatuses(problems);
        CheckFormat(problems);
        foreach (var unknown in Unknown?.Keys ?? Enumerable.Empty<string>())
            Add(unknown, NearestName.To(unknown, Options) is { } meant
                ? $"is not a mapping option: did you mean '{meant}'?"
                : $"is not a mapping option; the options are {string.Join(", ", Options)}");
        return problems;
    }

    /// <summary>The format is known, its options fit it, and in JSON Lines every field is a path.</summary>
    private void CheckFormat(Dictionary<string, string> problems)
    {
        if (Format is not (null or Csv or JsonLines))
        {
            problems["mapping.format"] = $"'mapping.format' is \"{Csv}\" or \"{JsonLines}\" (JSON Lines)" +
                (NearestName.To(Format, [Csv, JsonLines]) is { } meant ? $": did you mean '{meant}'?" : ".");
            return;
        }
        if (!IsJsonLines)
        {
            if (Rows is not null)
                problems["mapping.rows"] = $"'mapping.rows' splits a line of JSON Lines into updates: it needs \"format\": \"{JsonLines}\".";
            return;
        }
        if (Delimiter is not null)
            problems["mapping.delimiter"] = "'mapping.delimiter' separates the fields of CSV: leave it out for JSON Lines.";
        foreach (var (field, path) in Columns().Append(("rows", Rows!)).Where(c => c.Item2 is not null && !problems.ContainsKey($"mapping.{c.Item1}")))
            if (JsonLinePath.Parse(path).Problem is { } problem)
                problems[$"mapping.{field}"] = $"'mapping.{field}': {problem}.";
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

    /// <summary>The mapped columns' positions in a header; a column the header lacks is a problem of its field, with the nearest header name.</summary>
    public (ColumnIndexes? Columns, IReadOnlyDictionary<string, string> Problems) Resolve(string[] header)
    {
        var problems = new Dictionary<string, string>();
        var indexes = new Dictionary<string, int>();
        foreach (var (field, column) in Columns())
        {
            var index = Array.FindIndex(header, h => string.Equals(h.Trim(), column.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
                indexes[field] = index;
            else
                problems[$"mapping.{field}"] = $"'mapping.{field}': the file has no column named '{column}'" +
                    (NearestName.To(column, header) is { } meant ? $": did you mean '{meant.Trim()}'?" : $"; its columns are {string.Join(", ", header.Take(40))}.");
        }
        return problems.Count > 0 ? (null, problems) : (IndexesOf(indexes), problems);
    }

    /// <summary>The mapping with each field's position in the records a log reads (see <see cref="IEventLog"/>).</summary>
    public ColumnIndexes IndexesOf(IReadOnlyDictionary<string, int> indexes)
    {
        int? At(string field) => indexes.TryGetValue(field, out var i) ? i : null;
        return new ColumnIndexes(this, indexes["caseId"], indexes["timestamp"], indexes["party"],
            At("status"), At("person"), At("product"), At("category"), At("severity"))
        {
            ClaimAmount = At("claimAmount"),
            ClaimCurrency = At("claimCurrency"),
        };
    }
}
