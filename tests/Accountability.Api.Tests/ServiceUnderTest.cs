using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
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
        Environment.SetEnvironmentVariable("Accountability__WebhookAllowedPrivateHosts__0", "127.0.0.1");
        // Every test shares one client address and a few keys: the limits are tested on nodes of their own.
        Environment.SetEnvironmentVariable("Accountability__RequestsPerSecondPerKey", "0");
        Environment.SetEnvironmentVariable("Accountability__StatusPageRequestsPerMinutePerAddress", "0");
        Environment.SetEnvironmentVariable("Accountability__DashboardSignInsPerMinutePerAddress", "0");
        Environment.SetEnvironmentVariable("Accountability__UnauthenticatedRequestsPerMinutePerAddress", "0");
        (factory, BaseAddress) = StartHost(runScheduler: false);
    }

    /// <summary>
    /// Starts one node of the service on a loopback port. The shared node judges no deadlines, so the tests that
    /// need the scheduler start (and stop) nodes of their own, as a deployment restarts them.
    /// </summary>
    public static (ServiceNode Host, Uri BaseAddress) StartHost(bool runScheduler, bool runWebhooks = false, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        var host = new ServiceNode(runScheduler, runWebhooks, clock, settings, services);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (host, new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1")));
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Browser.Chromium.CloseAsync();
        if (factory is not null)
            await factory.DisposeAsync();
        await DropSchemaAsync(Schema);
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The real service, with its background work (deadlines, webhooks, the projection daemon) on or off, and optionally a
/// clock the test moves.
/// </summary>
public sealed class ServiceNode(
    bool runScheduler, bool runWebhooks = false, TimeProvider? clock = null, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Accountability:RunProjectionDaemon", "false");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            builder.UseSetting(name, value);
        builder.ConfigureServices(collection =>
        {
            collection.PostConfigure<DeadlineOptions>(o => (o.RunScheduler, o.DeadlinePollSeconds) = (runScheduler, 0.5));
            collection.PostConfigure<WebhookOptions>(o => (o.RunWebhooks, o.WebhookPollSeconds, o.WebhookTimeoutSeconds) = (runWebhooks, 0.1, 1));
            if (clock is not null)
                collection.AddSingleton(clock);
            services?.Invoke(collection);
        });
    }
}

/// <summary>Real time, or the moment it was made if it stands still, plus however far the test has moved it on.</summary>
public sealed class ShiftableClock(bool standsStill = false) : TimeProvider
{
    private readonly DateTimeOffset madeAt = System.GetUtcNow();
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => (standsStill ? madeAt : base.GetUtcNow()) + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
