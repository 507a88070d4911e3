using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Api.Features.Policies.Rejudge;
using Accountability.Api.Persistence;
using Marten;
using Spectre.Console;

namespace Accountability.Api.Cli;

/// <summary><c>rejudge</c>: the API's re-judging of a tenant's history, for operators at the command line.</summary>
public static class RejudgeCommand
{
    private const string Usage = """
        Usage: Accountability.Api rejudge --tenant <id> [--dry-run] [--json]

        Re-judges every complaint of a tenant under the rules and the policy in force, and writes the differences as new
        events (a flag withdrawn, a flag raised): flags only, with no escalation, webhook or deadline. Recorded flags stay
        in the ledger. Running it again writes nothing. Exit code 0 when done, 1 on an error or when a complaint kept being
        written to meanwhile (run it again), 2 when the arguments do not fit.

          --tenant   the tenant (marketplace) id
          --dry-run  report what would change and write nothing
          --json     print the report as JSON, as POST /api/policy/rejudge answers it
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        WriteIndented = true,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (CommandLine.Options(args, Usage, ["tenant"], out var exitCode, "dry-run", "json") is not { } options)
            return exitCode;
        await using var app = await CommandLine.BuildServicesAsync();
        var store = app.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.QuerySession(options["tenant"]))
            if (await session.LoadAsync<Tenant>(options["tenant"]) is null)
                return CommandLine.Fail($"There is no tenant '{options["tenant"]}'.");
        var report = await HistoryRejudging.RunAsync(store, options["tenant"], options.ContainsKey("dry-run"), DateTimeOffset.UtcNow, CancellationToken.None);
        if (options.ContainsKey("json"))
            Console.Out.WriteLine(JsonSerializer.Serialize(report, Json));
        else
            Print(report);
        return report.Conflicts.Count == 0 ? 0 : CommandLine.Fail($"{report.Conflicts.Count:N0} complaints were written to meanwhile and left as they were: run rejudge again.");
    }

    private static void Print(Response report)
    {
        var table = new Table().AddColumns("rule", report.DryRun ? "would raise" : "raised", report.DryRun ? "would withdraw" : "withdrawn");
        foreach (var (rule, changes) in report.ByRule.Where(r => r.Value.Raised + r.Value.Withdrawn > 0))
            table.AddRow(rule, $"{changes.Raised:N0}", $"{changes.Withdrawn:N0}");
        AnsiConsole.WriteLine($"{report.ComplaintsJudged:N0} complaints re-judged under policy version {report.PolicyVersion}; "
            + $"{report.ComplaintsChanged:N0} {(report.DryRun ? "would change (dry run: nothing written)" : "changed")}.");
        if (report.ComplaintsChanged > 0)
            AnsiConsole.Write(table);
    }
}
