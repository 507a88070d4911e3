using Accountability.Api.Tests.Browser;
using Accountability.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>The dashboard in Debian's Chromium: signing in through the form, reading the flags, following one to its timeline; axe-core on every page.</summary>
[Category("browser")]
public sealed class DashboardBrowserTests
{
    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task An_operator_signs_in_sees_the_flagged_complaint_and_opens_its_timeline(Viewport viewport)
    {
        var market = await Marketplace.CreateAsync();
        var complaint = await DashboardVisitor.PingPongAsync(market, product: "Photo Pro");
        await using var tab = await Chromium.OpenAsync(viewport);
        var page = tab.Page;

        await page.GotoAsync("dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to the dashboard", Level = 1 })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, $"dashboard-sign-in-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Operator API key").FillAsync(market.Operator.Key!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test Marketplace: overview", Level = 1 })).ToBeVisibleAsync();
        Assert.That(page.Url, Does.EndWith("/dashboard").And.Not.Contain("acc_"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Photo Pro" });
        await Assertions.Expect(row).ToContainTextAsync("Ping-pong");
        await Assertions.Expect(row).ToContainTextAsync("Acme Apps");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Time held per party" })).ToBeVisibleAsync();
        AssertFitsTheScreen(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), viewport);
        await Screenshots.SaveAsync(page, $"dashboard-overview-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await row.GetByRole(AriaRole.Link, new() { Name = "Photo Pro" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Complaint about Photo Pro", Level = 1 })).ToBeVisibleAsync();
        Assert.That(page.Url, Does.EndWith($"/dashboard/complaints/{complaint.Id}"));
        await Assertions.Expect(page.GetByText("Handed back and forth between Test Store and Acme Apps 3 times").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "event 3, handoff" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#event-3")).ToContainTextAsync("handed it from Acme Apps to Test Store");
        AssertFitsTheScreen(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), viewport);
        await Screenshots.SaveAsync(page, $"dashboard-complaint-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
        var cookies = await tab.Page.Context.CookiesAsync();
        Assert.That(cookies.Select(c => c.Name), Does.Not.Contain("accountability_dashboard"));
    }

    [Test]
    public async Task A_refused_key_and_a_missing_complaint_show_clear_pages_that_pass_axe()
    {
        var market = await Marketplace.CreateAsync();
        await using var tab = await Chromium.OpenAsync(Viewport.Desktop);
        var page = tab.Page;
        await page.GotoAsync("dashboard/sign-in");
        await page.GetByLabel("Operator API key").FillAsync(market.Acme.Key!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("only the marketplace's operator keys can sign in");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await page.GetByLabel("Operator API key").FillAsync(market.Operator.Key!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        var response = await page.GotoAsync($"dashboard/complaints/{Guid.NewGuid()}");
        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No such complaint" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private static void AssertFitsTheScreen(int width, Viewport viewport) =>
        Assert.That(width, Is.LessThanOrEqualTo(viewport.Width), "nothing runs off the side of the screen");
}
