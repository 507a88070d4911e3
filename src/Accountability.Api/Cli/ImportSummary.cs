using Accountability.Api.Features.Imports;
using Spectre.Console;

namespace Accountability.Api.Cli;

/// <summary>The summary an import prints at its end, for a person; <c>--json</c> prints the report itself instead.</summary>
public static class ImportSummary
{
    public static void Print(ImportReport report, CommandContext context)
    {
        var table = new Table().AddColumns("", "");
        table.AddRow("rows read", $"{report.Rows:N0}");
        table.AddRow("cases", $"{report.Cases:N0} ({report.CasesImported:N0} imported, {report.CasesContinued:N0} continued, {report.CasesAlreadyImported:N0} already there)");
        if (report.Replaced is { } replaced)
            table.AddRow("replaced", $"{replaced.Before:N0} complaints from before: {replaced.Replaced:N0} replaced by this file's cases, {replaced.Removed:N0} removed (not in this file)");
        table.AddRow("events written", $"{report.EventsWritten:N0}");
        table.AddRow("parties registered", $"{report.PartiesRegistered:N0}");
        table.AddRow("bad rows", $"{report.BadRowCount:N0}");
        if (report.ConflictCount > 0)
            table.AddRow("conflicting rows", $"{report.ConflictCount:N0} (earlier than the last row imported for their case, not imported)");
        foreach (var (rule, count) in report.FlagsByRule)
            table.AddRow($"flags: {rule}", $"{count:N0}");
        foreach (var (word, count) in report.UnknownStatuses)
            table.AddRow($"status not understood: {Markup.Escape(word)}", $"{count:N0} rows (add it to the mapping's statuses)");
        table.AddRow("time", $"{report.Seconds:N1} s ({report.EventsPerSecond:N0} events/s)");
        context.Console.Write(table);
        // Plain lines, not Spectre's: they must not wrap, so that scripts can grep them.
        foreach (var bad in report.BadRows)
            context.Output.WriteLine($"line {bad.Line}: {bad.Reason}");
        if (report.BadRowCount > report.BadRows.Count)
            context.Output.WriteLine($"... and {report.BadRowCount - report.BadRows.Count:N0} more bad rows.");
        foreach (var conflict in report.Conflicts)
            context.Output.WriteLine($"line {conflict.Line}: conflict: {conflict.Reason}");
        if (report.ConflictCount > report.Conflicts.Count)
            context.Output.WriteLine($"... and {report.ConflictCount - report.Conflicts.Count:N0} more conflicting rows.");
        if (report.StoppedAtLine is { } line)
            context.Output.WriteLine($"Stopped at line {line}: more rows were bad than --max-bad-rows allows. Nothing was imported.");
    }
}
