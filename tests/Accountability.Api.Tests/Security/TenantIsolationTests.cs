using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// Every documented endpoint that names a complaint, key, webhook endpoint or delivery refuses another marketplace's
/// operator and another vendor, and leaves the owner's rows as they were; lists show only the caller's own items.
/// </summary>
[Category("api")]
public sealed class TenantIsolationTests
{
    [Test]
    public void Every_documented_endpoint_is_classified_by_what_it_names()
    {
        Assert.That(EndpointCatalog.Routes.Keys, Is.EquivalentTo(EndpointCatalog.Documented()),
            "Add each new route to EndpointCatalog with what it names, so the isolation checks cover it.");
    }

    [Test]
    public async Task Another_marketplaces_operator_is_refused_on_every_endpoint_naming_a_resource_and_changes_nothing()
    {
        var mine = await SeededMarketplace.CreateAsync();
        var theirs = await SeededMarketplace.CreateAsync();
        await AssertRefusedEverywhereAsync(mine, theirs.Market.Operator, Owned.Complaint, Owned.ApiKey, Owned.Webhook, Owned.Delivery, Owned.Problem);
    }

    [Test]
    public async Task A_vendor_is_refused_on_every_endpoint_naming_another_vendors_complaint_webhook_or_key_and_changes_nothing()
    {
        var market = await SeededMarketplace.CreateAsync();
        await AssertRefusedEverywhereAsync(market, market.Market.Photon, Owned.Complaint, Owned.ApiKey, Owned.Webhook, Owned.Delivery, Owned.Problem);
    }

    [Test]
    public async Task Another_marketplaces_lists_never_show_its_items()
    {
        var mine = await SeededMarketplace.CreateAsync();
        var theirs = await SeededMarketplace.CreateAsync();
        string[] mineOnly = [mine.Complaint.ToString(), mine.Webhook, mine.Delivery, mine.AcmeKey, mine.OwnParty, mine.Market.Id, mine.Product, mine.Problem.ToString()];

        foreach (var list in new[] { "/api/complaints", "/api/flags", "/api/webhooks", "/api/api-keys", "/api/parties", "/api/policy", "/api/problems",
            $"/api/complaints?vendor=acme&holder=acme&product={Uri.EscapeDataString(mine.Product)}" })
        {
            using var response = await theirs.Market.Operator.GetAsync(list);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{list}: {body}");
            Assert.That(mineOnly.Where(body.Contains), Is.Empty, list);
        }
    }

    [Test]
    public async Task A_vendors_lists_never_show_another_vendors_complaints_flags_or_webhooks()
    {
        var market = await SeededMarketplace.CreateAsync();
        string[] acmeOnly = [market.Complaint.ToString(), market.Webhook, market.Delivery, market.Product, market.Problem.ToString()];

        foreach (var list in new[] { "/api/complaints", "/api/complaints?vendor=acme", "/api/complaints?holder=acme", "/api/flags", "/api/webhooks", "/api/problems" })
        {
            using var response = await market.Market.Photon.GetAsync(list);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{list}: {body}");
            Assert.That(acmeOnly.Where(body.Contains), Is.Empty, list);
        }
        using var keys = await market.Market.Photon.GetAsync("/api/api-keys");
        await keys.ShouldBeProblemAsync(403, "forbidden");
    }

    [Test]
    public async Task A_status_page_shows_its_own_marketplaces_complaint_only()
    {
        var mine = await SeededMarketplace.CreateAsync();
        var theirs = await SeededMarketplace.CreateAsync();

        foreach (var page in new[] { mine.TrackingPath, mine.TrackingPath + ".json" })
        {
            using var response = await ApiClient.Anonymous.GetAsync(page);
            var body = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
            Assert.That(body, Does.Contain(mine.Product));
            Assert.That(body, Does.Not.Contain(theirs.Product).And.Not.Contain(theirs.Market.Id).And.Not.Contain(theirs.Complaint.ToString()));
        }
    }

    [Test]
    public async Task An_idempotency_key_replays_only_for_the_party_that_sent_it()
    {
        var mine = await SeededMarketplace.CreateAsync();
        var theirs = await SeededMarketplace.CreateAsync();
        var path = $"/api/complaints/{mine.Complaint}/information-requests";
        var key = $"ask-{Guid.NewGuid()}";
        var question = new { question = "Which version?" };
        using (var asked = await mine.Market.Acme.PostAsync(path, question, h => h.Add("Idempotency-Key", key)))
            Assert.That((int)asked.StatusCode, Is.EqualTo(200), await asked.Content.ReadAsStringAsync());
        var before = await mine.SnapshotAsync();

        foreach (var intruder in new[] { mine.Market.Photon, theirs.Market.Operator, theirs.Market.Acme })
        {
            using var replay = await intruder.PostAsync(path, question, h => h.Add("Idempotency-Key", key));
            await replay.ShouldBeProblemAsync(404, "not-found");
        }
        Assert.That(await mine.SnapshotAsync(), Is.EqualTo(before));
    }

    private static async Task AssertRefusedEverywhereAsync(SeededMarketplace owner, ApiClient intruder, params Owned[] kinds)
    {
        var before = await owner.SnapshotAsync();
        foreach (var (method, route, body) in EndpointCatalog.Naming(kinds))
        {
            var path = owner.PathOf(route);
            using var response = method == HttpMethod.Get ? await intruder.GetAsync(path)
                : method == HttpMethod.Delete ? await intruder.DeleteAsync(path)
                : method == HttpMethod.Put ? await intruder.PutAsync(path, body!)
                : await intruder.PostAsync(path, body);
            var text = await response.Content.ReadAsStringAsync();
            Assert.That((int)response.StatusCode, Is.AnyOf(403, 404), $"{method} {route}: {text}");
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), $"{method} {route}");
        }
        Assert.That(await owner.SnapshotAsync(), Is.EqualTo(before));
    }
}
