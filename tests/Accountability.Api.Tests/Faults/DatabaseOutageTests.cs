using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Faults;

/// <summary>
/// PostgreSQL stopped under a write load: the service answers reads and writes 503 with Retry-After at once (no 500, no hang), is not
/// ready, and serves again by itself when the database is back, with every write it accepted stored.
/// </summary>
public sealed class DatabaseOutageTests
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Test]
    public async Task Answers_503_while_PostgreSQL_is_down_and_recovers_by_itself()
    {
        await using var database = await PrivatePostgres.StartAsync();
        var address = new Uri(ServiceProcess.LoopbackUrl());
        using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Accountability"] = database.ConnectionString,
            ["Accountability__RunScheduler"] = "false",
            ["Accountability__RunWebhooks"] = "false",
            ["Accountability__RunProjectionDaemon"] = "false",
        }, "--urls", address.ToString());
        Assert.That(await WithinAsync(TimeSpan.FromSeconds(60), async () => await StatusAsync(address, "/health/ready") == 200), Is.True, service.Error);
        var tenant = $"m-{Guid.NewGuid():N}"[..14];
        var (operatorKey, acmeKey) = await CreateMarketplaceAsync(address, tenant);

        var load = new WriteLoad(() => address, operatorKey, acmeKey);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        using var enough = new CancellationTokenSource();
        var writing = load.RunAsync(100_000, 4, stop.Token, enough.Token);
        await WithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(load.Accepted.Count >= 200));

        await database.StopAsync();
        var acceptedBeforeStop = load.Accepted.Count;
        var slowest = TimeSpan.Zero;
        for (var probe = 0; probe < 5; probe++)
        {
            var answered = Stopwatch.StartNew();
            using var response = probe % 2 == 0 ? await FileAsync(address, operatorKey) : await ListAsync(address, operatorKey);
            slowest = answered.Elapsed > slowest ? answered.Elapsed : slowest;
            Assert.That(answered.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "answered without hanging");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            await Task.Delay(200);
        }
        Assert.That(await StatusAsync(address, "/health/ready"), Is.EqualTo(503));

        await database.StartAgainAsync();
        var down = Stopwatch.StartNew();
        var recovered = await WithinAsync(TimeSpan.FromSeconds(15), async () =>
            await StatusAsync(address, "/health/ready") == 200 && (await FileAsync(address, operatorKey)).StatusCode == HttpStatusCode.Created);
        TestContext.Out.WriteLine($"{acceptedBeforeStop} writes accepted before the stop; 503 within {slowest.TotalMilliseconds:N0} ms; serving again {down.Elapsed.TotalSeconds:N1} s after PostgreSQL was back");
        Assert.That(recovered, Is.True, "serves again within 15 s of PostgreSQL coming back");
        var acceptedAtRecovery = load.Accepted.Count;
        await WithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(load.Accepted.Count >= acceptedAtRecovery + 100));
        await enough.CancelAsync();
        await writing;
        TestContext.Out.WriteLine($"{load.Accepted.Count} writes accepted in all, {load.Retries} retried");

        Assert.That(load.Failures, Is.Empty);
        Assert.That(load.Accepted.Count, Is.GreaterThanOrEqualTo(acceptedAtRecovery + 100), "the load went on after the outage");
        var streams = await StoreChecks.StreamsAsync(database.ConnectionString, tenant);
        Assert.That(StoreChecks.WithGaps(streams), Is.Empty, "streams with a gap or a repeated version");
        Assert.That(StoreChecks.Missing(load.Accepted, streams), Is.Empty, "accepted writes missing from the store");
    }

    private static async Task<(string Operator, string Acme)> CreateMarketplaceAsync(Uri address, string tenant)
    {
        var created = await PostAsync<Features.Tenants.Create.Response>(address, "/api/admin/tenants", ApiKeyAuthenticationHandler.AdminHeader,
            ServiceUnderTest.AdminKey, new { id = tenant, name = "Outage Marketplace", storeName = "Outage Store" });
        var operatorKey = created.OperatorKey.Key!;
        await PostAsync<object>(address, "/api/parties", ApiKeyAuthenticationHandler.Header, operatorKey, new { id = "acme", displayName = "Acme Apps" });
        var acme = await PostAsync<CreatedApiKey>(address, "/api/api-keys", ApiKeyAuthenticationHandler.Header, operatorKey, new { partyId = "acme", name = "acme key" });
        return (operatorKey, acme.Key!);
    }

    private static async Task<T> PostAsync<T>(Uri address, string path, string header, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, path)) { Content = JsonContent.Create(body) };
        request.Headers.Add(header, key);
        using var response = await Http.SendAsync(request);
        return await response.ShouldBeAsync<T>(201);
    }

    private static async Task<HttpResponseMessage> FileAsync(Uri address, string operatorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/api/complaints"))
        {
            Content = JsonContent.Create(new { customerReference = "probe", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes", channel = "App" }),
        };
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, operatorKey);
        return await Http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> ListAsync(Uri address, string operatorKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/api/complaints"));
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, operatorKey);
        return await Http.SendAsync(request);
    }

    private static async Task<int> StatusAsync(Uri address, string path)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(address, path));
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            if (await condition())
                return true;
            await Task.Delay(100);
        }
        return false;
    }
}
