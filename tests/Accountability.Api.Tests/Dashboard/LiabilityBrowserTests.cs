using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Browser;
using Accountability.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>
/// The liability view and a complaint's charges in Chromium, at phone and desktop size, axe-core clean. The node's clock
/// stands still: acme is charged twice, appeals one charge; a day later the other has 29 days left to appeal (the default 30).
/// </summary>
[Category("browser")]
public sealed class LiabilityBrowserTests
{
    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task The_operator_sees_open_appeals_first_with_the_time_left_to_appeal_and_each_complaints_charges(Viewport viewport)
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(clock: clock);
        var market = await node.CreateMarketplaceAsync();
        async Task<(Guid Id, Guid Charge)> ChargedAsync(string product, decimal amount)
        {
            var filed = await market.FileAsync(product: product);
            await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
            var resolved = await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/resolution", new
            {
                rootCause = "ProductDefect", liableParty = "acme", remedy = "Refunded", remedyKind = "Refund", amount = new { amount, currency = "EUR" },
            });
            return (filed.Id, resolved.Charges!.Single().Id);
        }
        await ChargedAsync("Lens X", 5m);
        var appealed = await ChargedAsync("Photo Pro", 19.99m);
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{appealed.Id}/charges/{appealed.Charge}/appeal",
            new { statement = "The store's updater crashed the app", evidence = new[] { "crash-log-7781" } });
        clock.Advance(TimeSpan.FromDays(1));

        await using var tab = await Chromium.OpenAsync(viewport, node.Http.BaseAddress);
        var page = tab.Page;
        await page.GotoAsync("dashboard/sign-in");
        await page.GetByLabel("Operator API key").FillAsync(market.Operator.Key!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Charges and appeals" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Charges and appeals", Level = 1 })).ToBeVisibleAsync();
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link) });
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("Photo Pro");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("EUR 19.99");
        await Assertions.Expect(rows.Nth(0)).ToContainTextAsync("open, to decide");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("Lens X");
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("29 d 0 h left to appeal");
        Assert.That(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), Is.LessThanOrEqualTo(viewport.Width));
        await Screenshots.SaveAsync(page, $"dashboard-liability-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await rows.Nth(0).GetByRole(AriaRole.Link, new() { Name = "Photo Pro" }).ClickAsync();
        Assert.That(page.Url, Does.EndWith($"/dashboard/complaints/{appealed.Id}"));
        var charges = page.GetByRole(AriaRole.Region, new() { Name = "Charges and appeals (1)" });
        await Assertions.Expect(charges).ToContainTextAsync("Acme Apps charged EUR 19.99");
        await Assertions.Expect(charges).ToContainTextAsync("Appealed: “The store's updater crashed the app”");
        await Assertions.Expect(charges).ToContainTextAsync("The appeal is open");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
