using Accountability.Api.Cli;
using Accountability.Api.Setup;

if (CommandLine.Handles(args))
    return await CommandLine.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddAccountability();

var app = builder.Build();
app.UseAccountability();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the tests that host the service.</summary>
public partial class Program;
