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
        if (await ReadMappingAsync(options["mapping"]) is not { } mapping)
            return Usage2;
        await using var app = await CommandLine.BuildServicesAsync();
        var store = app.Services.GetRequiredService<IDocumentStore>();

        var tenant = options["tenant"];
        await using (var query = store.QuerySession())
        {
            if (await query.LoadAsync<Tenant>(tenant) is null)
                return Refuse($"There is no tenant '{tenant}'.");
        }

        var importer = app.Services.GetRequiredService<HistoryImporter>();
        var source = options.GetValueOrDefault("source") ?? Path.GetFileName(options["file"]);
        ImportReport report;
        try
        {
            await using var csv = File.OpenRead(options["file"]);
            report = await AnsiConsole.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing cases");
                var result = await importer.ImportAsync(tenant, source, csv, mapping,
                    new Progress<(int Done, int Total)>(p => (task.MaxValue, task.Value) = (p.Total, p.Done)), CancellationToken.None);
                (task.MaxValue, task.Value) = (Math.Max(result.Cases, 1), Math.Max(result.Cases, 1));
                return result;
            });
        }
        catch (InvalidImportMappingException bad)
        {
            return Refuse($"Cannot use the mapping {options["mapping"]} with this file:\n  {string.Join("\n  ", bad.Problems.Values)}\nNothing was imported.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UnreadableLogException)
        {
            return Refuse($"{ex.Message}\nNothing was imported.");
        }
        Print(report);
        return report.BadRowCount == 0 ? 0 : 1;
    }

    /// <summary>Exit code of a usage or mapping error: nothing was imported.</summary>
    private const int Usage2 = 2;

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return Usage2;
    }

    /// <summary>The mapping file, checked whole before any row is read; null after saying what is wrong.</summary>
    private static async Task<ImportMapping?> ReadMappingAsync(string path)
    {
        ImportMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ImportMapping>(await File.ReadAllTextAsync(path), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            Refuse($"Cannot read the mapping {path}: {ex.Message}");
            return null;
        }
        if (mapping is null)
        {
            Refuse($"Cannot read the mapping {path}: it is not a JSON object.");
            return null;
        }
        if (mapping.Problems() is { Count: > 0 } invalid)
        {
            Refuse($"Cannot use the mapping {path}:\n  {string.Join("\n  ", invalid.Values)}\nNothing was imported.");
            return null;
        }
        return mapping;
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
        AnsiConsole.Write(table);
        foreach (var bad in report.BadRows)
            AnsiConsole.MarkupLineInterpolated($"[yellow]line {bad.Line}[/]: {bad.Reason}");
    }
}
