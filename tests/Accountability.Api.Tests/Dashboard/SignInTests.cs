using System.Net;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>Signing in to the dashboard with an operator key, the session cookie it gets, and how a session ends.</summary>
[Category("api")]
public sealed class SignInTests
{
    [Test]
    public async Task An_operator_key_signs_in_with_an_HttpOnly_SameSite_Strict_cookie_for_the_dashboard_only()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();

        using var response = await visitor.SignInAsync(market.Operator.Key);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo("/dashboard"));
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        Assert.That(setCookie, Does.StartWith("accountability_dashboard=").And.Contain("httponly").IgnoreCase
            .And.Contain("samesite=strict").IgnoreCase.And.Contain("path=/dashboard").IgnoreCase);
        Assert.That(setCookie, Does.Not.Contain("secure").IgnoreCase, "plain HTTP here; over HTTPS the cookie is Secure");
        Assert.That(setCookie, Does.Not.Contain(market.Operator.Key!));
        var overview = await visitor.ReadAsync("/dashboard");
        Assert.That(overview, Does.Contain("Test Marketplace: overview").And.Not.Contain(market.Operator.Key!));
    }

    [Test]
    public async Task The_key_goes_in_the_form_body_never_in_an_address_and_no_page_shows_it()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        var form = await visitor.ReadAsync("/dashboard/sign-in");
        Assert.That(form, Does.Contain("<form method=\"post\" action=\"/dashboard/sign-in\"").And.Contain("type=\"password\""));

        using var response = await visitor.SignInAsync(market.Operator.Key);

        Assert.That(response.Headers.Location?.ToString(), Does.Not.Contain("acc_"));
        foreach (var page in new[] { "/dashboard", "/dashboard/sign-in" })
            Assert.That(await visitor.ReadAsync(page), Does.Not.Contain(market.Operator.Key!), page);
    }

    [Test]
    public async Task A_vendor_key_is_refused_with_a_clear_message_and_no_cookie()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();

        using var response = await visitor.SignInAsync(market.Acme.Key);

        var page = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(page, Does.Contain("operator keys can sign in to the dashboard"));
        Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        Assert.That(page, Does.Not.Contain(market.Acme.Key!), "the refused key is not echoed back");
    }

    [TestCase("acc_0123456789abcdef_not-the-secret")]
    [TestCase("garbage")]
    [TestCase("")]
    public async Task An_unknown_key_is_refused_and_a_program_gets_a_problem(string key)
    {
        using var visitor = new DashboardVisitor();

        using var page = await visitor.SignInAsync(key);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("unknown or has been revoked"));

        using var problem = await visitor.SignInAsync(key, accept: "application/json");
        await problem.ShouldBeProblemAsync(401, "unauthenticated");
        Assert.That(visitor.SessionCookie, Is.Null);
    }

    [Test]
    public async Task Without_a_session_pages_send_the_browser_to_sign_in_and_a_program_gets_401()
    {
        var market = await Marketplace.CreateAsync();
        var complaint = await market.FileAsync();
        using var visitor = new DashboardVisitor();

        foreach (var page in new[] { "/dashboard", $"/dashboard/complaints/{complaint.Id}" })
        {
            using var response = await visitor.GetAsync(page);
            Assert.That((response.StatusCode, response.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.SeeOther, "/dashboard/sign-in")), page);
            using var json = await visitor.GetAsync(page, accept: "application/json");
            await json.ShouldBeProblemAsync(401, "unauthenticated");
        }
    }

    [Test]
    public async Task The_API_does_not_accept_the_dashboard_cookie()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);
        visitor.Cookies.Add(ServiceUnderTest.BaseAddress, new Cookie("accountability_dashboard", visitor.SessionCookie!.Value, "/api"));

        using var response = await visitor.GetAsync("/api/complaints", accept: "application/json");

        await response.ShouldBeProblemAsync(401, "unauthenticated");
    }

    [Test]
    public async Task Signing_out_ends_the_session_even_for_a_kept_cookie()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);
        var kept = visitor.SessionCookie!.Value;

        using var signOut = await visitor.SignOutAsync();

        Assert.That((signOut.StatusCode, signOut.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.SeeOther, "/dashboard/sign-in?signed-out=1")));
        Assert.That(visitor.SessionCookie, Is.Null, "the browser is told to drop the cookie");
        visitor.Cookies.Add(ServiceUnderTest.BaseAddress, new Cookie("accountability_dashboard", kept, "/dashboard"));
        using var again = await visitor.GetAsync("/dashboard");
        Assert.That(again.Headers.Location?.ToString(), Is.EqualTo("/dashboard/sign-in?ended=1"));
        Assert.That(await visitor.ReadAsync("/dashboard/sign-in?ended=1"), Does.Contain("Your session has ended"));
    }

    [Test]
    public async Task Revoking_the_key_ends_its_sessions_at_once()
    {
        var market = await Marketplace.CreateAsync();
        var second = await market.Operator.PostJsonAsync<CreatedApiKey>("/api/api-keys", new { partyId = "store", name = "dashboard" }, 201);
        using var visitor = new DashboardVisitor();
        using (var signedIn = await visitor.SignInAsync(second.Key))
            Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        await visitor.ReadAsync("/dashboard");

        using (var revoke = await market.Operator.DeleteAsync($"/api/api-keys/{second.Id}"))
            Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        using var after = await visitor.GetAsync("/dashboard");
        Assert.That((after.StatusCode, after.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.SeeOther, "/dashboard/sign-in?ended=1")));
    }

    [Test]
    public async Task An_expired_session_sends_the_browser_back_to_sign_in()
    {
        var clock = new ShiftableClock();
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        using var visitor = new DashboardVisitor(node.Http.BaseAddress);
        await visitor.SignInAsOperatorAsync(market);
        await visitor.ReadAsync("/dashboard");

        clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));

        using var after = await visitor.GetAsync("/dashboard");
        Assert.That((after.StatusCode, after.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.SeeOther, "/dashboard/sign-in?ended=1")));
    }

    [Test]
    public async Task A_form_without_its_seal_or_from_another_site_is_refused_and_signs_nobody_in_or_out()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        using (var unsealed = await visitor.PostAsync("/dashboard/sign-in", seal: null, new() { ["key"] = market.Operator.Key! }, accept: "application/json"))
            await unsealed.ShouldBeProblemAsync(400, "validation");
        using (var forged = await visitor.PostAsync("/dashboard/sign-in", "forged", new() { ["key"] = market.Operator.Key! }))
        {
            Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await forged.Content.ReadAsStringAsync(), Does.Contain("This form has expired or was not made by this service"));
        }
        Assert.That(visitor.SessionCookie, Is.Null);

        var beforeSigningIn = DashboardVisitor.SealOf(await visitor.ReadAsync("/dashboard/sign-in"));
        await visitor.SignInAsOperatorAsync(market);
        var seal = DashboardVisitor.SealOf(await visitor.ReadAsync("/dashboard"));
        using (var crossSite = await visitor.PostAsync("/dashboard/sign-out", seal, [], alter: r => r.Headers.Add("Sec-Fetch-Site", "cross-site")))
            Assert.That(crossSite.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using (var notThisSession = await visitor.PostAsync("/dashboard/sign-out", beforeSigningIn, [], accept: "application/json"))
            await notThisSession.ShouldBeProblemAsync(400, "validation");
        using var other = new DashboardVisitor();
        await other.SignInAsOperatorAsync(market);
        using (var otherBrowser = await visitor.PostAsync("/dashboard/sign-out", DashboardVisitor.SealOf(await other.ReadAsync("/dashboard")), [], accept: "application/json"))
            await otherBrowser.ShouldBeProblemAsync(400, "validation");
        await visitor.ReadAsync("/dashboard");
    }

    [Test]
    public async Task One_address_trying_keys_too_fast_gets_429()
    {
        var (node, address) = ServiceUnderTest.StartHost(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:DashboardSignInsPerMinutePerAddress"] = "3" });
        await using var _ = node;
        using var visitor = new DashboardVisitor(address);

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await visitor.SignInAsync($"acc_0123456789abcdef_guess-{i}", accept: "application/json");
            statuses.Add((int)response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                await response.ShouldBeProblemAsync(429, "rate-limited");
        }

        Assert.That(statuses, Is.EqualTo(new[] { 401, 401, 401, 429, 429 }));
        using (var person = await visitor.SignInAsync("acc_0123456789abcdef_one-more"))
        {
            Assert.That((int)person.StatusCode, Is.EqualTo(429));
            Assert.That(person.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(await person.Content.ReadAsStringAsync(), Does.Contain("Too many sign-in attempts came from your address"), "a person gets a page");
        }
        using var page = await visitor.GetAsync("/dashboard/sign-in");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK), "only attempts count, not the page");
    }
}
