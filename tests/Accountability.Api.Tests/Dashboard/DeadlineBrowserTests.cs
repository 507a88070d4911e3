using Accountability.Api.Tests.Browser;
using Accountability.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>
/// The overdue and due-soon queue and a complaint's deadlines in Chromium, at phone and desktop size, axe-core clean. The
/// node's clock stands still: the store owes a first response within 8 hours, a resolution within 72 (the default policy).
/// </summary>
[Category("browser")]
public sealed class DeadlineBrowserTests
{
    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task The_operator_sees_the_deadlines_to_act_on_first_and_each_complaints_clocks(Viewport viewport)
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        var late = await market.FileAsync(product: "Photo Pro");
        clock.Advance(TimeSpan.FromHours(9));
        await market.FileAsync(product: "Lens X");
        await market.FileHeldByAsync("acme");
        await using var tab = await Chromium.OpenAsync(viewport, node.Http.BaseAddress);
        var page = tab.Page;
        await page.GotoAsync("dashboard/sign-in");
        await page.GetByLabel("Operator API key").FillAsync(market.Operator.Key!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Overdue and due soon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Overdue and due soon", Level = 1 })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Photo Pro");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("overdue by 1 h 0 min");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Lens X");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("8 h 0 min left");
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(viewport.Width));
        await Screenshots.SaveAsync(page, $"dashboard-due-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await rows.Nth(0).GetByRole(AriaRole.Link, new() { Name = "Photo Pro" }).ClickAsync();
        Assert.That(page.Url, Does.EndWith($"/dashboard/complaints/{late.Id}"));
        var deadlines = page.GetByRole(AriaRole.Region, new() { Name = "Deadlines" });
        await Assertions.Expect(deadlines.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(new[]
        {
            new System.Text.RegularExpressions.Regex("^First response by Test Store: overdue by 1 h 0 min, due "),
            new System.Text.RegularExpressions.Regex("^Resolution by Test Store: 2 d 15 h left, due "),
        });
        await Screenshots.SaveAsync(page, $"dashboard-complaint-deadlines-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
