using System.Globalization;
using System.Text.Json;
using Accountability.Api.Features.Imports;
using Accountability.Api.Persistence;
using Marten;
using Spectre.Console;

namespace Accountability.Api.Cli;

/// <summary><c>import --tenant ID --file LOG.csv --mapping MAPPING.json [--source NAME] [--max-bad-rows N] [--json]</c>: imports history.</summary>
public static class ImportCommand
{
    private const string Usage = """
        Usage: Accountability.Api import --tenant <id> --file <log.csv> --mapping <mapping.json> [--source <name>] [--max-bad-rows <n>] [--replace] [--json]

        Imports an event log into a tenant. Each case becomes a complaint; each change of party a handoff; the
        tenant's rules judge the history as if it had happened live. Importing the same cases again changes nothing.

          --tenant        the tenant (marketplace) id
          --file          the event log: CSV with a header row, or JSON Lines (see docs/import.md)
          --mapping       a JSON mapping (see deploy/import/*-mapping.json)
          --source        a name for where the history comes from (default: the file name)
          --max-bad-rows  stop, importing nothing, once more than this many rows are bad
          --replace       the source was imported with another mapping: remove its complaints and import it again
          --json          print the summary as JSON, without progress

        Exit codes: 0 every row was imported or already there; 1 some rows were bad (the good ones were imported,
        unless --max-bad-rows stopped the import); 2 usage or mapping errors, or a file that cannot be read (nothing imported).
        """;

    private const int UsageError = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Options(args, Usage, ["tenant", "file", "mapping"], out var exitCode, "json", "replace") is not { } options)
            return exitCode;
        int? maxBadRows = null;
        if (options.TryGetValue("max-bad-rows", out var max))
        {
            if (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
                return Refuse($"--max-bad-rows is a whole number of rows, not '{max}'.");
            maxBadRows = limit;
        }
        if (await ReadMappingAsync(options["mapping"]) is not { } mapping)
            return UsageError;
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
        var json = options.ContainsKey("json");
        ImportReport report;
        try
        {
            await using var log = File.OpenRead(options["file"]);
            Task<ImportReport> Import(IProgress<ImportProgress>? progress) =>
                importer.ImportAsync(tenant, source, log, mapping, new ImportOptions(maxBadRows, options.ContainsKey("replace")), progress, CancellationToken.None);
            report = json ? await Import(null) : await new ImportProgressView(Console.Out).RunAsync(Import);
        }
        catch (InvalidImportMappingException bad)
        {
            return Refuse($"Cannot use the mapping {options["mapping"]} with this file:\n  {string.Join("\n  ", bad.Problems.Values)}\nNothing was imported.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UnreadableLogException or ImportRefusedException)
        {
            return Refuse($"{ex.Message}\nNothing was imported.");
        }
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        else
            ImportSummary.Print(report);
        return report.ExitCode;
    }

    private static int Refuse(string message)
    {
        Console.Error.WriteLine(message);
        return UsageError;
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
}
