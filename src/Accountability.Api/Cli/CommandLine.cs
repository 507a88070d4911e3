using System.Reflection;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.CommandLine;
using Accountability.Api.Configuration;
using Accountability.Api.Persistence;
using Accountability.Api.Setup;
using Marten;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Cli;

/// <summary>
/// The service's own command line, for operators: the same executable, a verb instead of serving HTTP. Parsed by
/// System.CommandLine (docs/decisions/0019-command-line-parser.md).
/// </summary>
public static class CommandLine
{
    /// <summary>Usage errors (an unknown option or command, a missing or malformed value) exit with this code.</summary>
    public const int UsageError = 2;

    public static bool Handles(string[] args) =>
        args is ["--help" or "-h" or "-?" or "help"] || (args is [var first, ..] && Root.Subcommands.Any(c => c.Name == first));

    /// <summary>Runs the command named by <paramref name="args"/> and returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CommandContext context)
    {
        var parsed = Root.Parse(args is ["help"] ? ["--help"] : args);
        if (parsed.Action is ParseErrorAction)
        {
            parsed.Invoke(context); // names each error, suggests near misses and prints the command's help
            return UsageError;
        }
        try
        {
            return await parsed.InvokeAsync(context);
        }
        catch (ConfigurationException wrong)
        {
            return context.Fail(wrong.Message);
        }
        catch (InvalidOperationException configuration)
        {
            return context.Fail(configuration.Message);
        }
    }

    public delegate bool TryParse<T>(string text, out T value);

    /// <summary>An option's value read by <paramref name="tryParse"/>; one it cannot read is a usage error naming the option and the value.</summary>
    public static Func<ArgumentResult, T?> Value<T>(TryParse<T> tryParse, string expected) where T : struct => value =>
    {
        var text = value.Tokens.Single().Value;
        if (tryParse(text, out var read))
            return read;
        value.AddError($"{(value.Parent as OptionResult)?.Option.Name} is {expected}, not '{text}'.");
        return null;
    };

    private const string CommandLineExecutable = "Accountability.Cli";

    /// <summary>
    /// Named as the executable that runs it: the command line's own, or the service's (also in a test's process).
    /// Directives are left out: <see cref="Handles"/> never passes them here.
    /// </summary>
    private static readonly Command Root = Assembly.GetEntryAssembly()?.GetName().Name == CommandLineExecutable
        ? Commands(CommandLineExecutable, "Runs one of the service's commands and exits.")
        : Commands(typeof(CommandLine).Assembly.GetName().Name!, "Without a command the service serves HTTP. With one it runs it and exits.");

    private static Command Commands(string executable, string whatItDoes) =>
        new(executable, $"{whatItDoes} The database comes from ACCOUNTABILITY_DB or ConnectionStrings__Accountability.")
    {
        new HelpOption(), new VersionOption(),
        TenantCommand.Create(), ImportCommand.Create(), DatabaseCommand.Create(), ProjectionsCommand.Create(),
        WhatIfCommand.Create(), RejudgeCommand.Create(), HealthCommand.Create(), DemoCommand.Create(),
    };

    /// <summary>
    /// The service's services, without its web server. Where the deployment applies the schema at start (development),
    /// so does a command; in production the schema is applied by `db apply` alone.
    /// </summary>
    public static async Task<WebApplication> BuildServicesAsync(CommandContext context, bool mayApplySchema = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(CommandLine).Assembly.GetName().Name,
            EnvironmentName = context.Variables.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? context.Variables.GetValueOrDefault("DOTNET_ENVIRONMENT") ?? Environments.Production,
        });
        ReadVariables(builder.Configuration, context.Variables);
        builder.Logging.ClearProviders();
        builder.AddAccountability();
        var app = builder.Build();
        await StartupChecks.EnsureDatabaseReachableAsync(app.Services);
        if (mayApplySchema && app.Services.GetRequiredService<IOptions<EventStoreOptions>>().Value.ApplySchemaOnStartup)
            await app.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return app;
    }

    /// <summary>The configuration reads the context's variables where it would read the process's.</summary>
    private static void ReadVariables(ConfigurationManager configuration, IReadOnlyDictionary<string, string?> variables)
    {
        var sources = configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is not EnvironmentVariablesConfigurationSource { Prefix: var prefix })
                continue;
            prefix ??= "";
            sources[i] = new MemoryConfigurationSource
            {
                InitialData = variables.Where(v => v.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                    .Select(v => KeyValuePair.Create(v.Key[prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter), v.Value)),
            };
        }
    }

    public static async Task<bool> TenantExistsAsync(IDocumentStore store, string tenant)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<Tenant>(tenant) is not null;
    }
}
