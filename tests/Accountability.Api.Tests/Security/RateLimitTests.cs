using System.Net;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;

namespace Accountability.Api.Tests.Security;

/// <summary>A flood from one key, or at the public pages from one address, gets 429 with Retry-After; others go on.</summary>
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

        var flood = await BurstAsync(market.Acme.Key!, 40);
        var other = await BurstAsync(market.Photon.Key!, 5);

        Assert.That(flood.Count(s => s == HttpStatusCode.TooManyRequests), Is.GreaterThan(0));
        Assert.That(flood.Count(s => s == HttpStatusCode.OK), Is.InRange(10, 20), "the burst allowance, plus what refills during the burst");
        Assert.That(other, Is.All.EqualTo(HttpStatusCode.OK));
    }
}
