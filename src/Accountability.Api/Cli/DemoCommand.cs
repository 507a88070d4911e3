using System.CommandLine;
using System.Diagnostics;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Features.Imports;
using Accountability.Api.Http;
using Accountability.Domain.Parties;
using Marten;
using MediatR;
using CreateTenant = Accountability.Api.Features.Tenants.Create;

namespace Accountability.Api.Cli;

/// <summary>
/// <c>demo</c>: a marketplace filled with real history (the ServiceNow sample, through the import), and a fresh operator
/// key to open the dashboard with: a new user sees real flags without typing a request.
/// </summary>
public static class DemoCommand
{
    public const string DefaultFile = "../shared/data/servicenow-incidents/incident_event_log_sample.csv";
    public const string DefaultMapping = "deploy/import/servicenow-mapping.json";

    private static readonly Option<string> Tenant = new("--tenant") { Description = "the demo marketplace's id", DefaultValueFactory = _ => "demo" };
    private static readonly Option<string> File = new("--file") { Description = "the event log", DefaultValueFactory = _ => DefaultFile };
    private static readonly Option<string> Mapping = new("--mapping") { Description = "its column mapping", DefaultValueFactory = _ => DefaultMapping };
    private static readonly Option<string> Url = new("--url") { Description = "where the service answers", DefaultValueFactory = _ => "http://127.0.0.1:5080" };

    public static Command Create()
    {
        var demo = new Command("demo", """
            Creates the tenant (unless it exists), imports the event log into it (a second run imports nothing new), issues
            a fresh operator key and prints it, once, with the dashboard's address. Paths are relative to the current
            directory (deploy/run.sh --demo runs it from the repository).
            """) { Tenant, File, Mapping, Url };
        demo.SetAction(RunAsync);
        return demo;
    }

    private static async Task<int> RunAsync(ParseResult parsed)
    {
        var started = Stopwatch.StartNew();
        var context = CommandContext.Of(parsed);
        var (tenant, file, mappingFile) = (parsed.GetRequiredValue(Tenant), parsed.GetRequiredValue(File), parsed.GetRequiredValue(Mapping));
        var url = parsed.GetRequiredValue(Url).TrimEnd('/');
        if (!System.IO.File.Exists(file))
            return context.Fail($"The demo's event log is not at {Path.GetFullPath(file)}: put the shared data beside the repository (../shared/data) or pass --file.");
        var (mapping, problem) = await MappingFile.ReadAsync(mappingFile);
        if (mapping is null)
            return context.Fail(problem!);

        await using var app = await CommandLine.BuildServicesAsync(context);
        string key;
        try
        {
            key = await FreshOperatorKeyAsync(app.Services, tenant);
        }
        catch (ProblemException refused)
        {
            return context.Fail(refused.Message);
        }
        await using var csv = System.IO.File.OpenRead(file);
        var report = await app.Services.GetRequiredService<HistoryImporter>().ImportAsync(tenant, Path.GetFileName(file), csv, mapping, new ImportOptions(), null, CancellationToken.None);

        context.Output.WriteLine($"Demo marketplace '{tenant}': {report.Cases:N0} complaints from {Path.GetFileName(file)} " +
            $"({report.CasesImported:N0} imported now, {report.CasesAlreadyImported:N0} already there), ready in {started.Elapsed.TotalSeconds:N1} s.");
        if (report.CasesImported > 0)
            context.Output.WriteLine($"The rules raised {report.FlagsByRule.Values.Sum():N0} flags: {string.Join(", ", report.FlagsByRule.Select(f => $"{f.Key} {f.Value:N0}"))}.");
        context.Output.WriteLine($"Dashboard:    {url}/dashboard");
        context.Output.WriteLine($"Operator key: {key}");
        context.Output.WriteLine("Paste the key into the dashboard's sign-in page. It is shown this once: only its hash is stored.");
        return 0;
    }

    /// <summary>Creates the tenant with its first operator key, or issues a new operator key for the one already there.</summary>
    private static async Task<string> FreshOperatorKeyAsync(IServiceProvider services, string tenant)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IDocumentStore>();
        if (!await CommandLine.TenantExistsAsync(store, tenant))
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CreateTenant.Command(tenant, "Demo Marketplace", "Demo Marketplace", null));
            return created.Value.OperatorKey.Key!;
        }
        var (stored, shown) = scope.ServiceProvider.GetRequiredService<ApiKeyMint>().Issue(tenant, Party.StoreId, isStore: true, "demo key", scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
        await using var session = store.LightweightSession();
        session.Insert(stored);
        await session.SaveChangesAsync();
        return shown.Key!;
    }
}
