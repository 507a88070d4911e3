namespace Accountability.Api.Features.Imports;

/// <summary>
/// An event log being read, CSV or JSON Lines: both give records of the mapped fields' values in the same positions,
/// which <see cref="ColumnIndexes"/> turns into the same rows.
/// </summary>
public interface IEventLog : IDisposable
{
    /// <summary>Where each of the mapping's fields is read, or what the file lacks for it (keyed by field, with a did-you-mean).</summary>
    (ColumnIndexes? Columns, IReadOnlyDictionary<string, string> Problems) Resolve(ImportMapping mapping);

    /// <summary>The records after the header; only the fields at <paramref name="wanted"/> are read, the others stay null.</summary>
    IEnumerable<LogRecord> Records(IReadOnlyCollection<int> wanted);
}

public static class EventLog
{
    /// <summary>The reader for the mapping's format.</summary>
    public static IEventLog Open(Stream input, ImportMapping mapping) =>
        mapping.IsJsonLines ? new JsonLinesLog(input, mapping) : new CsvLog(input, mapping.Separator);
}
