using System.Net;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;

namespace Accountability.Api.Tests.Security;

/// <summary>A flood from one key, or at the public pages from one address, gets 429 with Retry-After; others go on.</summary>
[Category("api")]
public sealed class RateLimitTests
{
    [Test]
    public async Task One_address_opening_status_pages_too_fast_gets_429_with_Retry_After()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, _) = await StatusPageTests.FileAsync(market);
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:StatusPageRequestsPerMinutePerAddress"] = "5" });
        await using var _ = node;
        using var http = new HttpClient { BaseAddress = address };

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 7; i++)
            answers.Add(await http.GetAsync(customer.Path));

        Assert.That(answers.Take(5).Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        Assert.That(answers[5].Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        await answers[6].ShouldBeProblemAsync(429, "rate-limited");
        answers.ForEach(a => a.Dispose());
    }

    [Test]
    public async Task One_key_over_its_rate_gets_429_and_another_key_is_not_held_back()
    {
        var market = await Marketplace.CreateAsync();
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:RequestsPerSecondPerKey"] = "10" });
        await using var _ = node;
        using var http = new HttpClient { BaseAddress = address };
        async Task<HttpStatusCode[]> BurstAsync(string key, int requests) => await Task.WhenAll(Enumerable.Range(0, requests).Select(async _ =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parties");
            request.Headers.Add("X-Api-Key", key);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }));

        var burst = System.Diagnostics.Stopwatch.StartNew();
        var flood = await BurstAsync(market.Acme.Key!, 40);
        burst.Stop();
        var other = await BurstAsync(market.Photon.Key!, 5);

        // The bucket refills 10 at each second's tick: a burst lasting t seconds may span floor(t) + 1 ticks (more than
        // one on a loaded machine), so what it can get is bounded by its measured length, not by a fixed 20.
        var ticks = (int)Math.Floor(burst.Elapsed.TotalSeconds) + 1;
        Assert.That(flood.Count(s => s == HttpStatusCode.TooManyRequests), Is.GreaterThan(0));
        Assert.That(flood.Count(s => s == HttpStatusCode.OK), Is.InRange(10, 10 + 10 * ticks),
            $"the burst allowance, plus what refills during the burst ({burst.Elapsed.TotalSeconds:F2} s)");
        Assert.That(other, Is.All.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Bad_keys_from_one_address_get_429_with_Retry_After_and_another_address_behind_the_known_proxy_goes_on()
    {
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string>
        {
            ["Accountability:UnauthenticatedRequestsPerMinutePerAddress"] = "5",
            ["Accountability:KnownProxies:0"] = "127.0.0.1",
            ["Accountability:KnownProxies:1"] = "::1",
        });
        await using var _ = node;
        using var http = new HttpClient { BaseAddress = address };

        var flood = await UnkeyedAsync(http, 8, i => "203.0.113.7");

        Assert.That(flood.Take(5), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(flood.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
        using (var limited = await SendUnkeyedAsync(http, "203.0.113.7", key: null))
        {
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            await limited.ShouldBeProblemAsync(429, "rate-limited");
        }
        Assert.That(await UnkeyedAsync(http, 3, i => "203.0.113.8"), Is.All.EqualTo(HttpStatusCode.Unauthorized), "another client of the same proxy");
    }

    [Test]
    public async Task An_X_Forwarded_For_from_an_address_that_is_not_a_known_proxy_is_ignored()
    {
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string>
        {
            ["Accountability:UnauthenticatedRequestsPerMinutePerAddress"] = "5",
            ["Accountability:KnownProxies:0"] = "192.0.2.1",
        });
        await using var _ = node;
        using var http = new HttpClient { BaseAddress = address };

        var spoofed = await UnkeyedAsync(http, 8, i => $"198.51.100.{i + 1}");

        Assert.That(spoofed.Take(5), Is.All.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(spoofed.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests), "every request counted against the real address");
    }

    /// <summary>Requests in turn, each with a made-up key (a new one each time, as a guesser sends).</summary>
    private static async Task<List<HttpStatusCode>> UnkeyedAsync(HttpClient http, int requests, Func<int, string> forwardedFor)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < requests; i++)
        {
            using var response = await SendUnkeyedAsync(http, forwardedFor(i), $"acc_{Guid.NewGuid():N}"[..20] + "_guess");
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static async Task<HttpResponseMessage> SendUnkeyedAsync(HttpClient http, string forwardedFor, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parties");
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        if (key is not null)
            request.Headers.Add("X-Api-Key", key);
        return await http.SendAsync(request);
    }
}
