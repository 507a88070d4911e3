using System.Diagnostics;
using Accountability.Api.Telemetry;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;

namespace Accountability.Api.Tests.Security;

/// <summary>With OpenTelemetry on, the request spans sent to the collector carry the route, never a customer's token.</summary>
public sealed class TraceSecretTests
{
    [Test]
    public async Task Request_spans_name_the_status_page_route_not_the_token()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, _) = await StatusPageTests.FileAsync(market);
        var token = customer.Path["/status/".Length..];
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (spans)
                    spans.Add($"{span.DisplayName} {string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}"))}");
            },
        };
        ActivitySource.AddActivityListener(listener);
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false,
            settings: new Dictionary<string, string> { [TelemetrySetup.EndpointVariable] = "http://127.0.0.1:9" });
        await using (node)
        {
            using var http = new HttpClient { BaseAddress = address };
            foreach (var path in new[] { customer.Path, customer.Path + ".json" })
                (await http.GetAsync(path)).Dispose();
        }

        lock (spans)
        {
            Assert.That(spans, Has.Some.Contains("url.path=/status/{token}"), "the spans were seen");
            Assert.That(spans.Where(s => s.Contains(token)), Is.Empty);
        }
    }
}
