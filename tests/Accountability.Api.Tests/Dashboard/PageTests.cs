using System.Net;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>What a signed-in operator reads: the overview, a complaint's flags and timeline, and nothing of other marketplaces.</summary>
[Category("api")]
public sealed class PageTests
{
    [Test]
    public async Task The_overview_lists_flagged_complaints_with_their_flags_holder_time_held_and_status()
    {
        var market = await Marketplace.CreateAsync();
        var flagged = await DashboardVisitor.PingPongAsync(market, product: "Photo Pro");
        var quiet = await market.FileAsync(product: "Quiet Lamp");
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);

        var page = await visitor.ReadAsync("/dashboard");

        Assert.That(page, Does.Contain("Complaints: 2, 2 of them open. Flagged: 1, 1 of them open."));
        var row = Row(page, $"/dashboard/complaints/{flagged.Id}");
        Assert.That(row, Does.Contain("Photo Pro").And.Contain("Ping-pong").And.Contain("High").And.Contain("Acme Apps")
            .And.Contain("escalated to the marketplace").And.Contain("0 min").And.Contain("Open").And.Contain("needs-action"));
        Assert.That(page, Does.Not.Contain(quiet.Id.ToString()), "only flagged complaints are listed");
    }

    [Test]
    public async Task The_charts_are_SVG_images_with_text_alternatives_and_tables_of_the_same_figures()
    {
        var market = await Marketplace.CreateAsync();
        for (var i = 0; i < 5; i++)
        {
            var filed = await market.FileAsync();
            var path = $"/api/complaints/{filed.Id}/handoffs";
            await market.Operator.PostJsonAsync<ComplaintView>(path, new { to = "acme", reason = "NeedsVendorFix" });
            if (i < 4)
                await market.Acme.PostJsonAsync<ComplaintView>(path, new { to = "store", reason = "NeedsStoreAction" });
        }
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);

        var page = await visitor.ReadAsync("/dashboard");

        Assert.That(Count(page, "<svg class=\"chart\""), Is.EqualTo(3));
        Assert.That(Count(page, "role=\"img\" aria-labelledby="), Is.EqualTo(3));
        Assert.That(page, Does.Contain("<title id=\"over-time-title\">Complaints and flags per day</title>"));
        Assert.That(page, Does.Contain("5 complaints filed and 4 flags raised"), "each complaint acme sent back is a bounce");
        Assert.That(page, Does.Contain("<title id=\"bounces-title\">Bounce rate per vendor</title>"));
        Assert.That(page, Does.Contain("the highest is Acme Apps, 80% (4 of 5)"));
        Assert.That(page, Does.Contain("<th scope=\"row\">Acme Apps</th><td>80% (4 of 5)</td>"));
        Assert.That(page, Does.Contain("<title id=\"time-held-title\">Time held per party</title>"));
        Assert.That(page, Does.Not.Contain("<script").And.Not.Contain("style=\""), "no script, and no inline style the CSP would block");
    }

    [Test]
    public async Task A_complaint_page_shows_every_event_with_who_and_when_and_each_flags_sentence_with_its_evidence()
    {
        var market = await Marketplace.CreateAsync();
        var complaint = await DashboardVisitor.PingPongAsync(market);
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);

        var page = await visitor.ReadAsync($"/dashboard/complaints/{complaint.Id}");

        Assert.That(page, Does.Contain("<h1>Complaint about Photo Pro</h1>"));
        Assert.That(page, Does.Contain("Timeline (7 events)"), "filed, three handoffs, the bounce flag the ping-pong superseded, the ping-pong flag, the escalation");
        for (var version = 1; version <= 7; version++)
            Assert.That(page, Does.Contain($"<li id=\"event-{version}\""), $"event {version}");
        Assert.That(page, Does.Contain("<strong>Acme Apps</strong> <span>handed it from Acme Apps to Test Store (NeedsStoreAction): “Billing, not us”; no evidence</span>"));
        Assert.That(page, Does.Contain("<strong>Test Store</strong> <span>handed it from Test Store to Acme Apps (NeedsVendorFix); evidence: crash-log-77</span>"));
        Assert.That(page, Does.Contain("Handed back and forth between Test Store and Acme Apps 3 times"));
        foreach (var version in new[] { 2, 3, 5 })
            Assert.That(page, Does.Contain($"<a href=\"#event-{version}\">event {version}, handoff</a>"));
        Assert.That(page, Does.Contain("Test Store is accountable for this complaint now"));
        Assert.That(page, Does.Contain("<time datetime=\""));
    }

    [Test]
    public async Task Another_marketplaces_complaint_is_a_404_page_and_never_listed()
    {
        var mine = await Marketplace.CreateAsync();
        var theirs = await Marketplace.CreateAsync();
        var their = await DashboardVisitor.PingPongAsync(theirs, product: "Their Secret Gadget");
        await DashboardVisitor.PingPongAsync(mine, product: "My Own Product");
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(mine);

        using var response = await visitor.GetAsync($"/dashboard/complaints/{their.Id}");
        var page = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(page, Does.Contain("No such complaint").And.Not.Contain("Their Secret Gadget"));
        using var unknown = await visitor.GetAsync($"/dashboard/complaints/{Guid.NewGuid()}");
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the same answer as for a complaint that does not exist");
        Assert.That(await unknown.Content.ReadAsStringAsync(), Does.Contain("No such complaint"));
        using var json = await visitor.GetAsync($"/dashboard/complaints/{their.Id}", accept: "application/json");
        await json.ShouldBeProblemAsync(404, "not-found");

        var overview = await visitor.ReadAsync("/dashboard");
        Assert.That(overview, Does.Contain("My Own Product").And.Not.Contain("Their Secret Gadget").And.Not.Contain(their.Id.ToString()));
    }

    [Test]
    public async Task Pages_are_private_uncached_and_load_nothing_from_elsewhere()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);

        foreach (var path in new[] { "/dashboard/sign-in", "/dashboard" })
        {
            using var response = await visitor.GetAsync(path);
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, path);
            Assert.That(string.Join(";", response.Headers.GetValues("Content-Security-Policy")), Does.StartWith("default-src 'none'; style-src 'self'"), path);
            Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }), path);
        }
        using var css = await visitor.GetAsync("/assets/dashboard.css", accept: "text/css");
        Assert.That(css.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/css"));
    }

    /// <summary>The table row that links to <paramref name="link"/>.</summary>
    private static string Row(string page, string link)
    {
        var at = page.IndexOf(link, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThan(0), $"no row links to {link}");
        var start = page.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return page[start..(page.IndexOf("</tr>", at, StringComparison.Ordinal) + 5)];
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
