using Accountability.Api.Cli;
using Accountability.Api.Setup;

if (args is ["import", .. var importArgs])
    return await ImportCommand.RunAsync(importArgs);

var builder = WebApplication.CreateBuilder(args);
builder.AddAccountability();

var app = builder.Build();
app.UseAccountability();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the tests that host the service.</summary>
public partial class Program;
