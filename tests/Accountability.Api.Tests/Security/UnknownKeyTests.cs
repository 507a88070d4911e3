using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using Accountability.Api.Auth;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Telemetry;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// A key id the store does not hold is remembered for a short while, so a client repeating a wrong key costs one
/// database lookup, not one per request; a key this node creates works at once all the same.
/// </summary>
[Category("api")]
public sealed class UnknownKeyTests
{
    [Test]
    public async Task A_repeated_unknown_key_is_looked_up_once_while_it_is_remembered()
    {
        using var lookups = new Lookups();
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:ApiKeyCacheSeconds"] = "300" });
        await using var _ = node;
        using var http = new HttpClient { BaseAddress = address };
        var wrong = $"acc_{Guid.NewGuid():N}"[..20] + "_wrong";
        var another = $"acc_{Guid.NewGuid():N}"[..20] + "_wrong";

        for (var i = 0; i < 10; i++)
            Assert.That(await StatusWithAsync(http, wrong), Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await StatusWithAsync(http, another), Is.EqualTo(HttpStatusCode.Unauthorized));

        Assert.That(lookups.Unknown, Is.EqualTo(2), "one lookup per unknown id, however often it is sent");
    }

    [Test]
    public async Task Made_up_keys_from_an_address_over_its_limit_cost_no_more_lookups()
    {
        using var lookups = new Lookups();
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:UnauthenticatedRequestsPerMinutePerAddress"] = "5" });
        await using var _ = node;
        using var http = new HttpClient { BaseAddress = address };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
            statuses.Add(await StatusWithAsync(http, $"acc_{Guid.NewGuid():N}"[..20] + "_guess"));

        Assert.That(statuses.Count(s => s == HttpStatusCode.TooManyRequests), Is.EqualTo(7), string.Join(", ", statuses));
        Assert.That(lookups.Unknown, Is.EqualTo(5), "the refused ones were not looked up");
    }

    [Test]
    public async Task A_key_sent_before_it_existed_works_at_once_when_this_node_creates_it()
    {
        var mint = new NextKey();
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:ApiKeyCacheSeconds"] = "300" },
            services: s => s.AddSingleton<ApiKeyMint>(mint));
        await using var _ = node;
        using var http = new HttpClient { BaseAddress = address };
        var market = await Marketplace.CreateAsync();
        Assert.That(await StatusWithAsync(http, mint.Key), Is.EqualTo(HttpStatusCode.Unauthorized), "not created yet: remembered as unknown");

        var created = await Marketplace.Client(market.Operator.Key!, http).PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = "store", name = "second" }, 201);

        Assert.That(created.Key, Is.EqualTo(mint.Key));
        Assert.That(await StatusWithAsync(http, mint.Key), Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Makes keys whose next one the test knows beforehand.</summary>
    private sealed class NextKey : ApiKeyMint
    {
        private readonly string id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        private readonly string secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

        public string Key => $"acc_{id}_{secret}";

        protected override (string Id, string Key, string SecretHash) NewSecret() => (id, Key, ApiKeySecrets.Hash(secret));
    }

    private static async Task<HttpStatusCode> StatusWithAsync(HttpClient http, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/parties");
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The key lookups the service counts, found or not, while this lives.</summary>
    private sealed class Lookups : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<bool> found = new();

        public Lookups()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ProductMetrics.MeterName && instrument.Name == "accountability.api_keys.lookups")
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            {
                foreach (var tag in tags)
                    if (tag.Key == "found")
                        found.Enqueue(tag.Value is true);
            });
            listener.Start();
        }

        public int Unknown => found.Count(f => !f);

        public void Dispose() => listener.Dispose();
    }
}
