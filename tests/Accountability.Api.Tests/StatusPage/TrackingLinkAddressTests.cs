using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.StatusPage;

/// <summary>
/// The customer's link is built from the configured public address, never from what the caller put in Host or
/// X-Forwarded-Host: a link that pointed at another site would hand the customer's token to that site.
/// </summary>
[Category("api")]
public sealed class TrackingLinkAddressTests
{
    private const string Evil = "evil.example";

    [Test]
    public async Task A_Host_header_never_appears_in_a_tracking_link_or_on_the_status_page()
    {
        var market = await Marketplace.CreateAsync();

        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", Complaint(), 201, FromElsewhere);
        var reissued = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/tracking-link", null, headers: FromElsewhere);

        var listening = ServiceUnderTest.BaseAddress.GetLeftPart(UriPartial.Authority);
        foreach (var link in new[] { filed.TrackingLink, reissued.TrackingLink })
            Assert.That(link, Does.StartWith($"{listening}/status/").And.Not.Contain(Evil), "outside Production, unset: the address this node listens on");
        using var page = await ApiClient.Anonymous.GetAsync(new Uri(reissued.TrackingLink!).AbsolutePath, FromElsewhere);
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Not.Contain(Evil));
    }

    [Test]
    public async Task The_configured_public_address_makes_every_tracking_link_whatever_the_Host()
    {
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:StatusPageBaseUrl"] = "https://help.example.com" });
        await using var _ = node;
        var market = await Marketplace.CreateAsync();
        var @operator = Marketplace.Client(market.Operator.Key!, new HttpClient { BaseAddress = address });

        var filed = await @operator.PostJsonAsync<ComplaintView>("/api/complaints", Complaint(), 201, FromElsewhere);

        Assert.That(filed.TrackingLink, Does.Match("^https://help\\.example\\.com/status/[A-Za-z0-9_-]{43}$"));
    }

    private static void FromElsewhere(System.Net.Http.Headers.HttpRequestHeaders headers)
    {
        headers.Host = Evil;
        headers.Add("X-Forwarded-Host", Evil);
        headers.Add("X-Forwarded-Proto", "https");
    }

    private static object Complaint() => new
    {
        customerReference = "cust-1", product = "Photo Pro", vendorId = "acme", category = "crash", description = "Crashes on start", channel = "App",
    };
}
