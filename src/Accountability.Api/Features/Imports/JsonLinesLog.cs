using System.Text;
using System.Text.Json;

namespace Accountability.Api.Features.Imports;

/// <summary>
/// Reads a JSON Lines event log (docs/import-sources.md): one JSON object a line, UTF-8 with or without a byte order
/// mark, empty lines skipped. A line is one update of a case or, with the mapping's <c>rows</c>, an array of them (a
/// Jira issue's changeHistories). The mapping's fields are <see cref="JsonLinePath"/>s, read into the positions
/// <see cref="ColumnIndexes"/> reads a CSV row's cells from, so both formats become the same rows. Each line is parsed
/// on its own: one that is not JSON, or lacks a mapped path, is a bad row with its line and never swallows another.
/// </summary>
public sealed class JsonLinesLog : IEventLog
{
    private readonly StreamReader reader;
    private readonly (string Field, JsonLinePath Path)[] paths;
    private readonly JsonLinePath? rows;
    private (int Number, string Text)? first;
    private int lines;

    /// <param name="mapping">A mapping whose <see cref="ImportMapping.Problems"/> are none: its paths parse.</param>
    public JsonLinesLog(Stream input, ImportMapping mapping)
    {
        reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        paths = [.. mapping.Columns().Select(c => (c.Field, JsonLinePath.Parse(c.Column).Path!))];
        rows = mapping.Rows is null ? null : JsonLinePath.Parse(mapping.Rows).Path;
        first = NextLine() ?? throw new UnreadableLogException("The file is empty: it needs one JSON object a line.");
    }

    /// <summary>Every path can be read; the first line stands in for a header: a member a path names (up to its first pick) that it lacks is a slip of the mapping.</summary>
    public (ColumnIndexes? Columns, IReadOnlyDictionary<string, string> Problems) Resolve(ImportMapping mapping)
    {
        var (root, document, _) = Parse(first!.Value.Text);
        using (document)
        {
            // A first line that is not an object is a bad row of its own; the members are then checked line by line.
            var problems = root is { ValueKind: JsonValueKind.Object } line ? Mismatches(line) : [];
            return problems.Count > 0 ? (null, problems)
                : (mapping.IndexesOf(paths.Select((p, i) => (p.Field, i)).ToDictionary(p => p.Field, p => p.i)), problems);
        }
    }

    private Dictionary<string, string> Mismatches(JsonElement line)
    {
        var problems = new Dictionary<string, string>();
        if (rows?.Mismatch(line, line) is { } noRows)
            problems["mapping.rows"] = $"'mapping.rows': {noRows}";
        var update = rows is null ? line : rows.FindArray(line).Items?.FirstOrDefault() ?? default;
        foreach (var (field, path) in paths)
            if ((path.FromLine || update.ValueKind == JsonValueKind.Object) && path.Mismatch(update, line) is { } mismatch)
                problems[$"mapping.{field}"] = $"'mapping.{field}': {mismatch}";
        return problems;
    }

    public IEnumerable<LogRecord> Records(IReadOnlyCollection<int> wanted)
    {
        for (var line = first ?? NextLine(); line is { } current; line = NextLine())
        {
            first = null;
            foreach (var record in RecordsOf(current.Number, current.Text, wanted))
                yield return record;
        }
    }

    private IEnumerable<LogRecord> RecordsOf(int number, string text, IReadOnlyCollection<int> wanted)
    {
        var (root, document, problem) = Parse(text);
        using var parsed = document;
        if (problem is not null || root is not { ValueKind: JsonValueKind.Object } line)
        {
            yield return new LogRecord(number, null, problem ?? $"it is a JSON {root!.Value.ValueKind.ToString().ToLowerInvariant()}, not an object");
            yield break;
        }
        var (updates, noRows) = rows is null ? ([line], null) : rows.FindArray(line);
        if (updates is null)
        {
            yield return new LogRecord(number, null, noRows);
            yield break;
        }
        foreach (var update in updates)
            yield return RecordOf(number, update, line, wanted);
    }

    private LogRecord RecordOf(int number, JsonElement update, JsonElement line, IReadOnlyCollection<int> wanted)
    {
        if (update.ValueKind != JsonValueKind.Object)
            return new LogRecord(number, null, $"an element of its '{rows!.Text}' is not an object");
        var values = new string?[paths.Length];
        foreach (var i in wanted)
        {
            var (value, problem) = paths[i].Path.Find(update, line);
            if (problem is not null)
                return new LogRecord(number, null, problem);
            values[i] = value;
        }
        return new LogRecord(number, values, null);
    }

    private static (JsonElement? Root, JsonDocument? Document, string? Problem) Parse(string text)
    {
        try
        {
            var document = JsonDocument.Parse(text);
            return (document.RootElement, document, null);
        }
        catch (JsonException notJson)
        {
            return (null, null, $"it is not JSON: {notJson.Message}");
        }
    }

    private (int Number, string Text)? NextLine()
    {
        while (reader.ReadLine() is { } text)
        {
            lines++;
            if (!string.IsNullOrWhiteSpace(text))
                return (lines, text);
        }
        return null;
    }

    public void Dispose() => reader.Dispose();
}
