using Accountability.Api.Setup;

var builder = WebApplication.CreateBuilder(args);
builder.AddAccountability();

var app = builder.Build();
app.UseAccountability();
app.Run();

/// <summary>Entry point, visible to the tests that host the service.</summary>
public partial class Program;
