using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Faults;

/// <summary>
/// PostgreSQL crashes under a write load (stopped at once: no checkpoint) and is started again, so it replays its WAL
/// before it accepts connections. While it is down and while it recovers, the service answers reads and writes 503
/// problem+json with Retry-After (no 500, no hang) and is not ready; it serves again by itself once PostgreSQL accepts
/// connections, with every write it accepted stored. The test asserts only generous bounds and reports what it
/// measured (answer times, time to the first write) in its output and in .local/test-results/database-outage.txt.
/// </summary>
[Category("faults")]
[NonParallelizable] // 600,000 rows of ballast and a WAL replay: beside other fixtures it only moved the load, and its report is cleaner alone
public sealed class DatabaseOutageTests
{
    private const int BallastRows = 600_000; // about 60 MB of WAL: recovery lasts long enough (seconds) to be probed
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(180);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Test]
    public async Task Answers_503_while_PostgreSQL_is_down_or_recovering_and_serves_again_by_itself()
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
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(300));
        using var enough = new CancellationTokenSource();
        var writing = load.RunAsync(100_000, 4, stop.Token, enough.Token);
        await WithinAsync(TimeSpan.FromSeconds(30), () => Task.FromResult(load.Accepted.Count >= 200));
        var walBytes = await database.WriteWalAsync(BallastRows);

        await database.StopAsync();
        var clock = Stopwatch.StartNew();
        var down = new List<OutageAnswer>();
        for (var n = 0; n < 10; n++)
            down.Add(await ProbeAsync(address, operatorKey, n, clock));
        Assert.That(down.Where(a => !a.IsUnavailable || a.Took >= NoHang), Is.Empty, "answers while PostgreSQL was down");
        Assert.That(await StatusAsync(address, "/health/ready"), Is.EqualTo(503));

        clock.Restart();
        await using var watch = PostgresWatch.Start(database.ConnectionString, clock);
        var restarting = database.StartAgainAsync();
        var answers = new List<OutageAnswer>();
        OutageAnswer? firstWrite = null;
        for (var n = 0; firstWrite is null && clock.Elapsed < RecoveryLimit; n++)
        {
            answers.Add(await ProbeAsync(address, operatorKey, n, clock));
            firstWrite = answers[^1].Status == 201 ? answers[^1] : null;
        }
        await restarting;
        Assert.That(firstWrite, Is.Not.Null, $"a write succeeds within {RecoveryLimit.TotalSeconds} s of the restart");
        var accepting = watch.AcceptingAt!.Value;
        var refusedUntil = watch.RefusedUntil!.Value; // the watch sees acceptance late under load: a success may precede AcceptingAt, never this
        Assert.That(answers.Where(a => a.Took >= NoHang || !(a.IsUnavailable || (a.Status is >= 200 and < 300 && a.Answered > refusedUntil))), Is.Empty,
            "503 until PostgreSQL accepts connections, then 503 or success: never a 500, never a hang");
        var recovering = answers.Where(a => a.Sent >= watch.StartingUpAt && a.Answered <= accepting).ToList();
        Assert.That(recovering, Is.Not.Empty, "probed while PostgreSQL replayed its WAL");
        Assert.That(await WithinAsync(TimeSpan.FromSeconds(60), async () => await StatusAsync(address, "/health/ready") == 200), Is.True, "ready again");
        TestContext.Out.Write(OutageReport.Write(walBytes, down, answers, watch.StartingUpAt!.Value, accepting, clock.Elapsed));

        var acceptedAtRecovery = load.Accepted.Count;
        await WithinAsync(TimeSpan.FromSeconds(60), () => Task.FromResult(load.Accepted.Count >= acceptedAtRecovery + 100));
        await enough.CancelAsync();
        await writing;
        TestContext.Out.WriteLine($"{load.Accepted.Count} writes accepted in all, {load.Retries} retried");
        Assert.That(load.Failures, Is.Empty);
        Assert.That(load.Accepted.Count, Is.GreaterThanOrEqualTo(acceptedAtRecovery + 100), "the load went on after the outage");
        var streams = await StoreChecks.StreamsAsync(database.ConnectionString, ServiceUnderTest.Schema, tenant);
        Assert.That(StoreChecks.WithGaps(streams), Is.Empty, "streams with a gap or a repeated version");
        Assert.That(StoreChecks.Missing(load.Accepted, streams), Is.Empty, "accepted writes missing from the store");
    }

    /// <summary>A write (even <paramref name="n"/>) or a read, timed on <paramref name="clock"/>.</summary>
    private static async Task<OutageAnswer> ProbeAsync(Uri address, string operatorKey, int n, Stopwatch clock)
    {
        var sent = clock.Elapsed;
        using var request = n % 2 == 0
            ? new HttpRequestMessage(HttpMethod.Post, new Uri(address, "/api/complaints"))
            {
                Content = JsonContent.Create(new { customerReference = "probe", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes", channel = "App" }),
            }
            : new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/api/complaints"));
        request.Headers.Add(ApiKeyAuthenticationHandler.Header, operatorKey);
        try
        {
            using var response = await Http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                ? JsonDocument.Parse(body).RootElement.GetProperty("type").GetString()
                : null;
            return new OutageAnswer(sent, clock.Elapsed, (int)response.StatusCode, problem, response.Headers.RetryAfter is not null, body.Length > 300 ? body[..300] : body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new OutageAnswer(sent, clock.Elapsed, 0, null, false, ex.Message);
        }
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
