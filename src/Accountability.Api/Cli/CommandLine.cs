using Accountability.Api.Setup;
using Marten;

namespace Accountability.Api.Cli;

/// <summary>The service's own command line, for operators: the same executable, a verb instead of serving HTTP.</summary>
public static class CommandLine
{
    private const string Usage = """
        Usage: Accountability.Api [command]

        Without a command the service serves HTTP. Commands:
          tenant create --id <id> --name <name> [--store-name <name>]   creates a marketplace and prints its first operator key
          import --tenant <id> --file <log.csv> --mapping <mapping.json> [--source <name>]   imports history
        Each command takes --help. The database comes from ACCOUNTABILITY_DB or ConnectionStrings__Accountability.
        """;

    public static bool Handles(string[] args) => args is ["tenant", ..] or ["import", ..] or ["--help" or "-h" or "help"];

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["tenant", "create", .. var rest] => await TenantCommand.CreateAsync(rest),
                ["import", .. var rest] => await ImportCommand.RunAsync(rest),
                _ => Help(),
            };
        }
        catch (InvalidOperationException configuration)
        {
            Console.Error.WriteLine(configuration.Message);
            return 1;
        }
    }

    /// <summary>The service's services, without its web server: the store's schema is brought up to date first.</summary>
    public static async Task<WebApplication> BuildServicesAsync()
    {
        var builder = WebApplication.CreateBuilder([]);
        builder.Logging.ClearProviders();
        builder.AddAccountability();
        var app = builder.Build();
        await StartupChecks.EnsureDatabaseReachableAsync(app.Services);
        await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return app;
    }

    /// <summary>--name value pairs; null when the arguments are not that shape.</summary>
    public static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") options["help"] = "";
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) options[args[i][2..]] = args[++i];
            else return null;
        }
        return options;
    }

    private static int Help()
    {
        Console.Out.WriteLine(Usage);
        return 0;
    }
}
