using Accountability.Api.Cli;
using Accountability.Api.Configuration;
using Accountability.Api.Setup;

try
{
    if (CommandLine.Handles(args))
        return await CommandLine.RunAsync(args, CommandContext.OfThisProcess());

    var builder = WebApplication.CreateBuilder(args);
    builder.AddAccountability();

    var app = builder.Build();
    app.UseAccountability();
    await StartupChecks.EnsureDatabaseReachableAsync(app.Services);
    await app.RunAsync();
    return 0;
}
catch (ConfigurationException wrong)
{
    await Console.Error.WriteLineAsync(wrong.Message);
    return 1;
}

/// <summary>Entry point, visible to the tests that host the service.</summary>
public partial class Program;
