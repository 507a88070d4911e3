using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Accountability.Api.Tests;

/// <summary>
/// Starts the real service once for the whole run: Kestrel on a loopback port, the PostgreSQL named by
/// ACCOUNTABILITY_DB (deploy/test.sh starts one), in a schema of its own that is dropped afterwards.
/// </summary>
[SetUpFixture]
public sealed class ServiceUnderTest
{
    private static WebApplicationFactory<Program>? factory;

    public static Uri BaseAddress { get; private set; } = null!;

    public static string AdminKey { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray());

    public static string Schema { get; } = $"test_{Guid.NewGuid():N}"[..20];

    public static string ConnectionString { get; } = Environment.GetEnvironmentVariable("ACCOUNTABILITY_DB")
        ?? throw new InvalidOperationException("ACCOUNTABILITY_DB is not set: run the tests with deploy/test.sh, which starts PostgreSQL.");

    public static IServiceProvider Services => factory!.Services;

    [OneTimeSetUp]
    public void Start()
    {
        Environment.SetEnvironmentVariable("ConnectionStrings__Accountability", ConnectionString);
        Environment.SetEnvironmentVariable("Accountability__Schema", Schema);
        Environment.SetEnvironmentVariable("Accountability__AdminKey", AdminKey);
        Environment.SetEnvironmentVariable("Accountability__ApiKeyCacheSeconds", "1");
        factory = new WebApplicationFactory<Program>();
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (factory is not null)
            await factory.DisposeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
