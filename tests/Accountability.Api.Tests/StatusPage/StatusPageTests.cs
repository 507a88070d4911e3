using System.Net;
using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.StatusPage;

/// <summary>The customer's page: found only by its token, in plain words, never stored, and revalidated by version by an app that keeps it.</summary>
[Category("api")]
public sealed class StatusPageTests
{
    [Test]
    public async Task Filing_gives_a_tracking_link_that_opens_the_customers_page_and_is_never_shown_again()
    {
        var market = await Marketplace.CreateAsync();
        var key = Guid.NewGuid().ToString();
        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", Complaint(), 201, h => h.Add("Idempotency-Key", key));

        Assert.That(filed.TrackingLink, Does.Match(@"^http://127\.0\.0\.1:\d+/status/[A-Za-z0-9_-]{43}$"));
        var replayed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", Complaint(), 201, h => h.Add("Idempotency-Key", key));
        Assert.That((replayed.Id, replayed.TrackingLink), Is.EqualTo((filed.Id, (string?)null)));
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}")).TrackingLink, Is.Null);

        using var page = await new Customer(filed.TrackingLink!).OpenAsync();
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(page.Headers.GetValues("X-Robots-Tag").Single(), Does.Contain("noindex"));
        Assert.That(page.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
        Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.StartWith("default-src 'none'"));
        Assert.That(html, Does.Contain("Your complaint about Photo Pro").And.Contain("Received, waiting to be picked up").And.Contain("Handled by Test Store"));
        Assert.That(html, Does.Contain("<meta name=\"robots\" content=\"noindex, nofollow\">"));
    }

    [Test]
    public async Task The_page_says_who_has_it_what_happens_next_by_when_and_that_the_marketplace_took_it_over()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix", note = "x" });

        var held = await customer.ReadAsync();
        Assert.That(held, Does.Contain("Handled by Acme Apps").And.Contain("Passed to Acme Apps.").And.Contain("Acme Apps will pick it up by"));

        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/customer-redirections", new { redirectedTo = "store" });
        var escalated = await customer.ReadAsync();
        // Acme still holds it: the store answers for it and sees that Acme does it (it has not taken it over).
        Assert.That(escalated, Does.Contain("Test Store is now responsible for putting it right, and is making sure Acme Apps does.")
            .And.Contain("Escalated to Test Store&#x27;s own team.").And.Contain("Acme Apps will pick it up by"));
    }

    [Test]
    public async Task Unknown_revoked_and_malformed_links_all_get_the_same_404_page()
    {
        var market = await Marketplace.CreateAsync();
        var (revoked, id) = await FileAsync(market);
        using (var revoke = await market.Operator.DeleteAsync($"/api/complaints/{id}/tracking-link"))
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var pages = new List<string>();
        foreach (var path in new[] { revoked.Path, "/status/" + new string('A', 43), "/status/not-a-token", "/status/..%2F..%2Fetc%2Fpasswd" })
        {
            using var response = await new Customer("http://x" + path).OpenAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), path);
            Assert.That(response.Headers.GetValues("X-Robots-Tag").Single(), Does.Contain("noindex"));
            pages.Add(await response.Content.ReadAsStringAsync());
        }
        Assert.That(pages.Distinct().Count(), Is.EqualTo(1), "every miss looks the same");
        Assert.That(pages[0], Does.Contain("We cannot find this complaint"));

        using var json = await revoked.OpenAsync("application/json");
        await json.ShouldBeProblemAsync(404, "not-found");
    }

    [Test]
    public async Task Reissuing_the_link_gives_a_new_one_and_the_old_one_stops_working()
    {
        var market = await Marketplace.CreateAsync();
        var (first, id) = await FileAsync(market);

        var reissued = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/tracking-link", null);
        using var reissuedByVendor = await market.Acme.PostAsync($"/api/complaints/{id}/tracking-link");

        Assert.That(reissued.TrackingLink, Is.Not.Null.And.Not.EqualTo(first.Link));
        Assert.That((int)reissuedByVendor.StatusCode, Is.EqualTo(403), "only the operator issues links");
        using (var old = await first.OpenAsync())
            Assert.That(old.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await new Customer(reissued.TrackingLink!).ReadAsync(), Does.Contain("Photo Pro"));
    }

    [Test]
    public async Task No_answer_of_the_status_page_may_be_stored_by_a_browser_or_a_proxy()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version?" });

        using var page = await customer.OpenAsync();
        using var json = await customer.OpenAsync("application/json");
        using var missing = await new Customer("http://x/status/" + new string('A', 43)).OpenAsync();
        using var unchanged = await SendWithAsync(customer, json.Headers.ETag!.ToString());
        using var sent = await customer.SendAsync("answer", new() { ["answer"] = "Version 2.1" });
        foreach (var (name, response) in new[] { ("page", page), ("JSON", json), ("404", missing), ("304", unchanged), ("form answer", sent) })
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{name}: {response.Headers.CacheControl}");
            Assert.That(response.Headers.CacheControl?.Private, Is.False, $"{name}: no-store says it all");
        }
    }

    [Test]
    public async Task The_JSON_view_says_the_same_and_an_app_that_kept_it_gets_304_while_it_is_unchanged()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);

        using var linked = await customer.OpenAsync("*/*", ".json");
        using var negotiated = await customer.OpenAsync("application/json");
        Assert.That(linked.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        using var view = JsonDocument.Parse(await linked.Content.ReadAsStringAsync());
        Assert.That(view.RootElement.GetProperty("statusText").GetString(), Is.EqualTo("Received, waiting to be picked up"));
        Assert.That(view.RootElement.GetProperty("handledBy").GetString(), Is.EqualTo("Handled by Test Store"));
        Assert.That(await negotiated.Content.ReadAsStringAsync(), Is.EqualTo(await linked.Content.ReadAsStringAsync()));

        var etag = linked.Headers.ETag!.ToString();
        using (var again = await SendWithAsync(customer, etag))
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        using (var changed = await SendWithAsync(customer, etag))
            Assert.That(changed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<HttpResponseMessage> SendWithAsync(Customer customer, string etag)
    {
        using var client = new HttpClient { BaseAddress = ServiceUnderTest.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, customer.Path + ".json");
        request.Headers.IfNoneMatch.ParseAdd(etag);
        return await client.SendAsync(request);
    }

    public static object Complaint(string description = "Crashes on start", string reference = "cust-1") =>
        new { customerReference = reference, product = "Photo Pro", vendorId = "acme", category = "crash", description, channel = "App" };

    /// <summary>Files a complaint; the customer gets its link, the test keeps its id (the page itself never shows it).</summary>
    public static async Task<(Customer Customer, Guid Id)> FileAsync(Marketplace market, object? complaint = null)
    {
        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", complaint ?? Complaint(), 201);
        return (new Customer(filed.TrackingLink!), filed.Id);
    }

    [Test]
    public async Task The_pages_stylesheets_are_served_and_any_other_asset_is_a_404_problem()
    {
        foreach (var sheet in new[] { "/assets/status.css", "/assets/dashboard.css" })
        {
            using var css = await ApiClient.Anonymous.GetAsync(sheet);
            Assert.That((css.StatusCode, css.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.OK, "text/css")), sheet);
        }
        using var other = await ApiClient.Anonymous.GetAsync("/assets/secrets.json");
        await other.ShouldBeProblemAsync(404, "not-found");
    }
}
