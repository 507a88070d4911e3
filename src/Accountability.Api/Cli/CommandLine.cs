using Accountability.Api.Setup;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Cli;

/// <summary>The service's own command line, for operators: the same executable, a verb instead of serving HTTP.</summary>
public static class CommandLine
{
    private const string Usage = """
        Usage: Accountability.Api [command]

        Without a command the service serves HTTP. Commands:
          tenant create --id <id> --name <name> [--store-name <name>]   creates a marketplace and prints its first operator key
          import --tenant <id> --file <log> --mapping <mapping.json> [--source <name>] [--max-bad-rows <n>] [--json]   imports history
          db apply                                   brings the database schema up to date with this version
          db assert                                  exits 1, listing the differences, when the schema is not current
          projections rebuild [--projection <name>]  rebuilds projections from the events
          projections set-aside list|retry [--tenant <id>] [--id <id>]   events the background work set aside, and their retry
          what-if --tenant <id> --policy <policy.json> [--from <time>] [--to <time>] [--json]   replays history through a policy
          rejudge --tenant <id> [--dry-run] [--json]   re-judges history under the rules in force; writes the flags' differences
          health [--url <url>]                       exits 0 when the service answers there (the container's health check)
          demo [--tenant <id>] [--url <address>]     fills a demo marketplace with real history and prints a dashboard key
        Each command takes --help. The database comes from ACCOUNTABILITY_DB or ConnectionStrings__Accountability.
        """;

    public static bool Handles(string[] args) =>
        args is ["tenant" or "import" or "db" or "projections" or "what-if" or "rejudge" or "health" or "demo", ..] or ["--help" or "-h" or "help"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["tenant", "create", .. var rest] => await TenantCommand.CreateAsync(rest),
                ["import", .. var rest] => await ImportCommand.RunAsync(rest),
                ["db", .. var rest] => await DatabaseCommand.RunAsync(rest),
                ["projections", .. var rest] => await ProjectionsCommand.RunAsync(rest),
                ["what-if", .. var rest] => await WhatIfCommand.RunAsync(rest),
                ["rejudge", .. var rest] => await RejudgeCommand.RunAsync(rest),
                ["health", .. var rest] => await HealthCommand.RunAsync(rest),
                ["demo", .. var rest] => await DemoCommand.RunAsync(rest),
                ["--help" or "-h" or "help"] => Help(0),
                _ => Help(2),
            };
        }
        catch (InvalidOperationException configuration)
        {
            Console.Error.WriteLine(configuration.Message);
            return 1;
        }
    }

    /// <summary>
    /// The service's services, without its web server. Where the deployment applies the schema at start (development),
    /// so does a command; in production the schema is applied by `db apply` alone.
    /// </summary>
    public static async Task<WebApplication> BuildServicesAsync(bool mayApplySchema = true)
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.Logging.ClearProviders();
        builder.AddAccountability();
        var app = builder.Build();
        await StartupChecks.EnsureDatabaseReachableAsync(app.Services);
        if (mayApplySchema && app.Services.GetRequiredService<IOptions<AccountabilityOptions>>().Value.ApplySchemaOnStartup)
            await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return app;
    }

    /// <summary>
    /// The --name value pairs (--flag alone for the flags named), or null after printing the usage: exit code 0 when
    /// --help was asked, 2 when the arguments do not fit.
    /// </summary>
    public static Dictionary<string, string>? Options(string[] args, string usage, string[] required, out int exitCode, params string[] flags)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length && options is not null; i++)
        {
            if (args[i] is "--help" or "-h") options["help"] = "";
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && flags.Contains(args[i][2..])) options[args[i][2..]] = "";
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) options[args[i][2..]] = args[++i];
            else options = null;
        }
        exitCode = options?.ContainsKey("help") == true ? 0 : 2;
        if (options is not null && exitCode != 0 && required.All(options.ContainsKey))
            return options;
        Console.Out.WriteLine(usage);
        return null;
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 1;
    }

    private static int Help(int exitCode)
    {
        Console.Out.WriteLine(Usage);
        return exitCode;
    }
}
