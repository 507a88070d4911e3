using CsvHelper;

namespace Accountability.Api.Features.Imports;

/// <summary>The log cannot be read at all (no header, a quote that never closes): nothing was imported.</summary>
public sealed class UnreadableLogException(string message) : Exception(message);

/// <summary>One record of a log: its fields, or why it is a bad row. Line is where it starts (1-based).</summary>
public readonly record struct LogRecord(int Line, string?[]? Fields, string? Problem);

/// <summary>
/// Reads an RFC 4180 event log with CsvHelper (docs/decisions/0012-csv-reader.md): UTF-8 with or without a byte order
/// mark, quoted fields with line breaks, the separator given or detected (comma, semicolon, tab). A record with another
/// number of fields than the header, or with text after a closing quote, is a bad row; a quote that never closes is
/// an error naming the line it opened on, so no record can swallow the rest of the file.
/// </summary>
public sealed class CsvLog : IEventLog
{
    private readonly CsvReader reader;
    private readonly Queue<CsvMalformedRecord> malformed = new();

    public CsvLog(Stream input, char? separator)
    {
        reader = CsvReader.Create(input, CsvReaderOptions.Default with
        {
            Separator = separator,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            PoolStrings = true,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = malformed.Enqueue,
        }, leaveOpen: true);
        try
        {
            Header = [.. reader.Headers];
        }
        catch (CsvFormatException unreadable)
        {
            throw new UnreadableLogException($"The header cannot be read: {unreadable.Message}");
        }
        if (Header.Length == 0 || Header is [""])
            throw new UnreadableLogException("The file is empty: it needs a header row.");
        ThrowOnUnterminatedQuote();
    }

    public string[] Header { get; }

    public (ColumnIndexes? Columns, IReadOnlyDictionary<string, string> Problems) Resolve(ImportMapping mapping) => mapping.Resolve(Header);

    public IEnumerable<LogRecord> Records(IReadOnlyCollection<int> wanted)
    {
        while (true)
        {
            var read = reader.Read();
            ThrowOnUnterminatedQuote();
            var currentLine = read ? (int)reader.LineNumber : int.MaxValue;
            string? problem = null;
            while (malformed.TryDequeue(out var m))
            {
                if (m.Reason == CsvMalformedReason.FieldCountMismatch)
                    yield return new LogRecord((int)m.LineNumber, null, $"it has a different number of fields than the header's {Header.Length}");
                else if (m.Reason == CsvMalformedReason.TextAfterClosingQuote && m.LineNumber == currentLine)
                    problem = "it has text after a closing quote: a quote in the middle of a field must be doubled";
            }
            if (!read)
                yield break;
            if (problem is not null)
            {
                yield return new LogRecord(currentLine, null, problem);
                continue;
            }
            var fields = new string?[Header.Length];
            foreach (var i in wanted)
                fields[i] = reader.GetString(i);
            yield return new LogRecord(currentLine, fields, null);
        }
    }

    private void ThrowOnUnterminatedQuote()
    {
        foreach (var m in malformed)
            if (m.Reason == CsvMalformedReason.UnterminatedQuote)
                throw new UnreadableLogException(
                    $"The quote opened on line {m.LineNumber} never closes, so the rest of the file would be one field: close or double it, then import again.");
    }

    public void Dispose() => reader.Dispose();
}
