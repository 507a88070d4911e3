using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Accountability.Api.Features.Imports;
using Marten;

namespace Accountability.Api.Cli;

/// <summary><c>import --tenant ID --file LOG.csv --mapping MAPPING.json [--source NAME] [--max-bad-rows N] [--replace] [--json]</c>: imports history.</summary>
public static class ImportCommand
{
    private static readonly Option<string> Tenant = new("--tenant") { Description = "the tenant (marketplace) id", Required = true };
    private static readonly Option<string> File = new("--file") { Description = "the event log: CSV with a header row, or JSON Lines (see docs/import.md)", Required = true };
    private static readonly Option<string> Mapping = new("--mapping") { Description = "a JSON mapping (see deploy/import/*-mapping.json)", Required = true };
    private static readonly Option<string?> Source = new("--source") { Description = "a name for where the history comes from (default: the file name)" };
    private static readonly Option<int?> MaxBadRows = new("--max-bad-rows")
    {
        Description = "stop, importing nothing, once more than this many rows are bad",
        HelpName = "n",
        CustomParser = CommandLine.Value((string text, out int rows) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out rows), "a whole number of rows"),
    };
    private static readonly Option<bool> Replace = new("--replace") { Description = "the source was imported with another mapping: remove its complaints and import it again" };
    private static readonly Option<bool> Json = new("--json") { Description = "print the summary as JSON, without progress" };

    public static Command Create()
    {
        var import = new Command("import", """
            Imports an event log into a tenant. Each case becomes a complaint; each change of party a handoff; the tenant's
            rules judge the history as if it had happened live. Importing the same cases again changes nothing.
            Exit codes: 0 every row was imported or already there; 1 some rows were bad (the good ones were imported, unless
            --max-bad-rows stopped the import); 2 usage or mapping errors, or a file that cannot be read (nothing imported).
            """) { Tenant, File, Mapping, Source, MaxBadRows, Replace, Json };
        import.SetAction(RunAsync);
        return import;
    }

    private static async Task<int> RunAsync(ParseResult parsed)
    {
        var context = CommandContext.Of(parsed);
        int Refuse(string message) => context.Fail(message, CommandLine.UsageError);
        var (tenant, file, mappingFile) = (parsed.GetRequiredValue(Tenant), parsed.GetRequiredValue(File), parsed.GetRequiredValue(Mapping));
        var (mapping, problem) = await MappingFile.ReadAsync(mappingFile);
        if (mapping is null)
            return Refuse(problem!);
        await using var app = await CommandLine.BuildServicesAsync(context);
        if (!await CommandLine.TenantExistsAsync(app.Services.GetRequiredService<IDocumentStore>(), tenant))
            return Refuse($"There is no tenant '{tenant}'.");

        var importer = app.Services.GetRequiredService<HistoryImporter>();
        var source = parsed.GetValue(Source) ?? Path.GetFileName(file);
        var json = parsed.GetValue(Json);
        ImportReport report;
        try
        {
            await using var log = System.IO.File.OpenRead(file);
            Task<ImportReport> Import(IProgress<ImportProgress>? progress) =>
                importer.ImportAsync(tenant, source, log, mapping, new ImportOptions(parsed.GetValue(MaxBadRows), parsed.GetValue(Replace)), progress, CancellationToken.None);
            report = json ? await Import(null) : await new ImportProgressView(context.Output, context.Console).RunAsync(Import);
        }
        catch (InvalidImportMappingException bad)
        {
            return Refuse($"Cannot use the mapping {mappingFile} with this file:\n  {string.Join("\n  ", bad.Problems.Values)}\nNothing was imported.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or UnreadableLogException or ImportRefusedException)
        {
            return Refuse($"{ex.Message}\nNothing was imported.");
        }
        if (json)
            context.Output.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        else
            ImportSummary.Print(report, context);
        return report.ExitCode;
    }
}
