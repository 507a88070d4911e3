using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Accountability.Api.Features.Policies.Rejudge;
using Marten;
using Spectre.Console;

namespace Accountability.Api.Cli;

/// <summary><c>rejudge</c>: the API's re-judging of a tenant's history, for operators at the command line.</summary>
public static class RejudgeCommand
{
    private static readonly Option<string> Tenant = new("--tenant") { Description = "the tenant (marketplace) id", Required = true };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "report what would change and write nothing" };
    private static readonly Option<bool> AsJson = new("--json") { Description = "print the report as JSON, as POST /api/policy/rejudge answers it" };

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        WriteIndented = true,
    };

    public static Command Create()
    {
        var rejudge = new Command("rejudge", """
            Re-judges every complaint of a tenant under the rules and the policy in force, and writes the differences as new
            events (a flag withdrawn, a flag raised): flags only, with no escalation, webhook or deadline. Recorded flags stay
            in the ledger. Running it again writes nothing. Exit code 0 when done, 1 on an error or when a complaint kept being
            written to meanwhile (run it again), 2 when the arguments do not fit.
            """) { Tenant, DryRun, AsJson };
        rejudge.SetAction(parsed => RunAsync(CommandContext.Of(parsed), parsed.GetRequiredValue(Tenant), parsed.GetValue(DryRun), parsed.GetValue(AsJson)));
        return rejudge;
    }

    private static async Task<int> RunAsync(CommandContext context, string tenant, bool dryRun, bool json)
    {
        await using var app = await CommandLine.BuildServicesAsync(context);
        var store = app.Services.GetRequiredService<IDocumentStore>();
        if (!await CommandLine.TenantExistsAsync(store, tenant))
            return context.Fail($"There is no tenant '{tenant}'.");
        var report = await HistoryRejudging.RunAsync(store, tenant, dryRun, DateTimeOffset.UtcNow, CancellationToken.None);
        if (json)
            context.Output.WriteLine(JsonSerializer.Serialize(report, Json));
        else
            Print(report, context.Console);
        return report.Conflicts.Count == 0 ? 0 : context.Fail($"{report.Conflicts.Count:N0} complaints were written to meanwhile and left as they were: run rejudge again.");
    }

    private static void Print(Response report, IAnsiConsole console)
    {
        var table = new Table().AddColumns("rule", report.DryRun ? "would raise" : "raised", report.DryRun ? "would withdraw" : "withdrawn");
        foreach (var (rule, changes) in report.ByRule.Where(r => r.Value.Raised + r.Value.Withdrawn > 0))
            table.AddRow(rule, $"{changes.Raised:N0}", $"{changes.Withdrawn:N0}");
        console.WriteLine($"{report.ComplaintsJudged:N0} complaints re-judged under policy version {report.PolicyVersion}; "
            + $"{report.ComplaintsChanged:N0} {(report.DryRun ? "would change (dry run: nothing written)" : "changed")}.");
        if (report.ComplaintsChanged > 0)
            console.Write(table);
    }
}
