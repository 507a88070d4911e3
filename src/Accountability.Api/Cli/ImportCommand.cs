using System.Text.Json;
using Accountability.Api.Features.Imports;
using Accountability.Api.Persistence;
using Marten;
using Spectre.Console;

namespace Accountability.Api.Cli;

/// <summary><c>import --tenant ID --file LOG.csv --mapping MAPPING.json [--source NAME]</c>: imports history from the command line.</summary>
public static class ImportCommand
{
    private const string Usage = """
        Usage: Accountability.Api import --tenant <id> --file <log.csv> --mapping <mapping.json> [--source <name>]

        Imports an event log into a tenant. Each case becomes a complaint; each change of party a handoff; the
        tenant's rules judge the history as if it had happened live. Importing the same cases again changes nothing.

          --tenant   the tenant (marketplace) id
          --file     the CSV event log, header row first
          --mapping  a JSON column mapping (see deploy/import/servicenow-mapping.json)
          --source   a name for where the history comes from (default: the file name)
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Options(args, Usage, ["tenant", "file", "mapping"], out var exitCode) is not { } options)
            return exitCode;
        await using var app = await CommandLine.BuildServicesAsync();
        var store = app.Services.GetRequiredService<IDocumentStore>();

        var tenant = options["tenant"];
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<Tenant>(tenant) is null)
                return CommandLine.Fail($"There is no tenant '{tenant}'.");
        }
        ImportMapping mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ImportMapping>(await File.ReadAllTextAsync(options["mapping"]), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            return CommandLine.Fail($"Cannot read the mapping {options["mapping"]}: {ex.Message}");
        }
        if (mapping.Problems() is { Count: > 0 } invalid)
            return CommandLine.Fail($"Cannot use the mapping {options["mapping"]}: {string.Join(" ", invalid.Values)}");

        var importer = app.Services.GetRequiredService<HistoryImporter>();
        var source = options.GetValueOrDefault("source") ?? Path.GetFileName(options["file"]);
        ImportReport report;
        try
        {
            using var csv = new StreamReader(options["file"]);
            report = await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing cases");
                var result = await importer.ImportAsync(tenant, source, csv, mapping,
                    new Progress<(int Done, int Total)>(p => (task.MaxValue, task.Value) = (p.Total, p.Done)), CancellationToken.None);
                (task.MaxValue, task.Value) = (Math.Max(result.Cases, 1), Math.Max(result.Cases, 1));
                return result;
            });
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return CommandLine.Fail(ex.Message);
        }
        Print(report);
        return 0;
    }

    private static void Print(ImportReport report)
    {
        var table = new Table().AddColumns("", "");
        table.AddRow("rows read", $"{report.Rows:N0}");
        table.AddRow("cases", $"{report.Cases:N0} ({report.CasesImported:N0} imported, {report.CasesAlreadyImported:N0} already there)");
        table.AddRow("events written", $"{report.EventsWritten:N0} in {report.Seconds:N1} s ({report.EventsPerSecond:N0} events/s)");
        table.AddRow("parties registered", $"{report.PartiesRegistered:N0}");
        table.AddRow("bad rows", $"{report.BadRowCount:N0}");
        foreach (var (rule, count) in report.FlagsByRule)
            table.AddRow($"flags: {rule}", $"{count:N0}");
        foreach (var (word, count) in report.UnknownStatuses)
            table.AddRow($"status not understood: {Markup.Escape(word)}", $"{count:N0} rows (add it to the mapping's statuses)");
        AnsiConsole.Write(table);
        foreach (var bad in report.BadRows)
            AnsiConsole.MarkupLineInterpolated($"[yellow]line {bad.Line}[/]: {bad.Reason}");
    }
}
