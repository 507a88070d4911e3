namespace Accountability.Api.Features.Imports;

/// <summary>A row of the log that was not imported, and why.</summary>
/// <param name="Line">The line of the file where the row starts, 1-based.</param>
/// <param name="Reason">Why it was not imported, in a sentence.</param>
public sealed record BadRow(int Line, string Reason);

/// <summary>The mapping cannot be used; nothing was read or written. Its problems are keyed by field.</summary>
public class InvalidImportMappingException(IReadOnlyDictionary<string, string> problems)
    : Exception(string.Join(" ", problems.Values))
{
    public IReadOnlyDictionary<string, string> Problems { get; } = problems;
}

/// <summary>The file's header row lacks columns the mapping names: a problem of both the file and the mapping.</summary>
public sealed class HeaderMismatchException(IReadOnlyDictionary<string, string> problems) : InvalidImportMappingException(problems);

/// <param name="MaxBadRows">Stop reading, and import nothing, once more rows than this are bad; null: no limit.</param>
/// <param name="Replace">Replace the source's complaints in the tenant when its mapping changed (see ImportedSource).</param>
public sealed record ImportOptions(int? MaxBadRows = null, bool Replace = false)
{
    /// <summary>Cases written per transaction: an interrupted import keeps every batch it committed.</summary>
    internal int CasesPerTransaction { get; init; } = 500;
}

/// <summary>What a replacing import changed: complaints of the source before, replaced by a case of the new file, removed.</summary>
/// <param name="Before">How many complaints of the source the tenant held before the import.</param>
/// <param name="Replaced">How many of them a case of the new file replaced.</param>
/// <param name="Removed">How many of them were removed, their case being absent from the new file.</param>
public sealed record ReplacedImport(int Before, int Replaced, int Removed);

/// <summary>How far an import is: reading the log (Done and Total in bytes), then writing cases.</summary>
/// <param name="Rows">Rows read so far.</param>
public sealed record ImportProgress(string Stage, long Done, long Total, long Rows)
{
    public const string Reading = "Reading rows";
    public const string Writing = "Importing cases";
}

/// <summary>What an import of an event log did.</summary>
/// <param name="Source">The source's name, as sent.</param>
/// <param name="Rows">The log's rows read (data rows, bad ones included).</param>
/// <param name="Cases">The distinct case ids among the readable rows.</param>
/// <param name="CasesImported">Cases written as new complaints by this import.</param>
/// <param name="EventsWritten">Complaint events written, the rules' flags and escalations included.</param>
/// <param name="PartiesRegistered">Parties the log named that the tenant did not know, registered as vendors by this import.</param>
/// <param name="FlagsByRule">Flags the rules raised on the imported history, counted by rule id.</param>
/// <param name="BadRowCount">How many rows could not be read, all of them (badRows lists the first 100).</param>
/// <param name="Seconds">How long the import took, in seconds.</param>
/// <param name="EventsPerSecond">Events written per second of the import.</param>
/// <param name="CasesAlreadyImported">Cases skipped because an earlier import wrote them: importing a file twice changes nothing.</param>
/// <param name="BadRows">The first 100 rows that could not be read, with why; the others still import.</param>
/// <param name="StoppedAtLine">Set when more rows than --max-bad-rows were bad: reading stopped there and nothing was imported.</param>
public sealed record ImportReport(
    string Source,
    int Rows,
    int Cases,
    int CasesImported,
    int CasesAlreadyImported,
    int EventsWritten,
    int PartiesRegistered,
    IReadOnlyDictionary<string, int> FlagsByRule,
    int BadRowCount,
    IReadOnlyList<BadRow> BadRows,
    double Seconds,
    double EventsPerSecond,
    int? StoppedAtLine = null)
{
    /// <summary>Set when the import replaced the source's earlier complaints.</summary>
    public ReplacedImport? Replaced { get; init; }

    /// <summary>Status words the mapping does not say the meaning of, with how many rows used each: those rows changed no status.</summary>
    public IReadOnlyDictionary<string, int> UnknownStatuses { get; init; } = new Dictionary<string, int>();

    /// <summary>Cases imported before that this file continued: rows later than the last one imported were appended.</summary>
    public int CasesContinued { get; init; }

    /// <summary>
    /// Rows of a case imported before that are not among its imported rows yet are not later than its last one: they
    /// would rewrite the case's history rather than continue it, so they were not imported (the first 100, with their lines).
    /// </summary>
    public IReadOnlyList<BadRow> Conflicts { get; init; } = [];

    /// <summary>How many rows were in conflict, all of them (conflicts lists the first 100).</summary>
    public int ConflictCount { get; init; }

    /// <summary>0 when every row was imported or already there; 1 when some rows were bad or in conflict (or the import stopped on bad rows).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ExitCode => BadRowCount == 0 && ConflictCount == 0 && StoppedAtLine is null ? 0 : 1;
}
