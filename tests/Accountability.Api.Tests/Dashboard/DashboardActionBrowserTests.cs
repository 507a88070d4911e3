using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Browser;
using Accountability.Api.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>The complaint page's actions in Debian's Chromium, at phone and desktop size: each form used as an operator would, axe-core on the pages.</summary>
[Category("browser")]
public sealed class DashboardActionBrowserTests
{
    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task The_operator_assigns_takes_over_asks_proposes_a_fix_resolves_closes_and_reopens_from_the_complaint_page(Viewport viewport)
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        await using var tab = await Chromium.OpenAsync(viewport);
        var page = tab.Page;
        await SignInAsync(page, market);
        await page.GotoAsync($"dashboard/complaints/{held.Id}");

        var assign = Form(page, "Assign to another party");
        await assign.GetByLabel("Give it to").SelectOptionAsync("photon");
        await assign.GetByLabel("Reason (optional)").SelectOptionAsync("NeedsSpecialist");
        await assign.GetByLabel("Note (optional)").FillAsync("Camera driver");
        await Assertions.Expect(Form(page, "Resolve")).ToHaveCountAsync(0);
        AssertFitsTheScreen(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), viewport);
        await Screenshots.SaveAsync(page, $"dashboard-actions-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await SubmitAsync(assign, "Assign", "Done: the complaint was assigned.");
        await Assertions.Expect(page.Locator("ol.timeline")).ToContainTextAsync("gave it to Photon Devices (reason: Needs a specialist): “Camera driver”");

        var takeOver = Form(page, "Take it over");
        await takeOver.GetByLabel("Reason (optional)").SelectOptionAsync("Escalation");
        await SubmitAsync(takeOver, "Take over", "Done: the marketplace holds the complaint now.");
        await Form(page, "Ask the customer for information").GetByLabel("Question").FillAsync("Which firmware?");
        await SubmitAsync(Form(page, "Ask the customer for information"), "Ask the customer", "Done: the question is on the customer's status page.");
        await Form(page, "Propose a fix").GetByLabel("The fix, for the customer to try").FillAsync("Update to 2.1.5");
        await SubmitAsync(Form(page, "Propose a fix"), "Propose the fix", "Done: the fix was proposed to the customer.");
        var resolve = Form(page, "Resolve");
        await resolve.GetByLabel("Root cause").SelectOptionAsync("ProductDefect");
        await resolve.GetByLabel("Liable party").SelectOptionAsync("photon");
        await resolve.GetByLabel("Remedy").FillAsync("Firmware 2.1.5");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await SubmitAsync(resolve, "Resolve the complaint", "Done: the complaint is resolved.");
        await SubmitAsync(Form(page, "Close"), "Close the complaint", "Done: the complaint is closed.");
        await Form(page, "Reopen").GetByLabel("Why the customer wants it reopened").FillAsync("Still crashes");
        await SubmitAsync(Form(page, "Reopen"), "Reopen the complaint", "Done: the complaint is open again.");

        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Open");
        AssertFitsTheScreen(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), viewport);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var acted = (await market.TimelineAsync(held.Id)).Skip(2).Where(e => e.By != "rules").Select(e => e.Type);
        Assert.That(acted, Is.EqualTo(new[]
        {
            "complaint_assigned", "complaint_assigned", "information_requested", "resolution_proposed", "complaint_resolved", "complaint_closed", "complaint_reopened",
        }));
    }

    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task A_form_sent_after_the_vendor_acted_is_refused_and_the_page_says_so(Viewport viewport)
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        await using var tab = await Chromium.OpenAsync(viewport);
        var page = tab.Page;
        await SignInAsync(page, market);
        await page.GotoAsync($"dashboard/complaints/{held.Id}");

        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/handoffs", new { to = "photon", reason = "NotOurComponent", evidence = new[] { "trace-1" } });
        await Form(page, "Take it over").GetByRole(AriaRole.Button, new() { Name = "Take over" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Someone acted on this complaint after this page was shown, so nothing was done.");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("Photon Devices");
        AssertFitsTheScreen(await page.EvaluateAsync<int>("document.documentElement.scrollWidth"), viewport);
        await Screenshots.SaveAsync(page, $"dashboard-action-refused-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.That((await market.TimelineAsync(held.Id)).Where(e => e.By != "rules").Select(e => e.Type),
            Is.EqualTo(new[] { "complaint_filed", "complaint_handed_off", "complaint_handed_off" }), "the form changed nothing");
    }

    private static ILocator Form(IPage page, string heading) => page.GetByRole(AriaRole.Form, new() { Name = heading, Exact = true });

    private static async Task SubmitAsync(ILocator form, string button, string done)
    {
        await form.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Assertions.Expect(form.Page.GetByRole(AriaRole.Status)).ToHaveTextAsync(done);
    }

    private static async Task SignInAsync(IPage page, Marketplace market)
    {
        await page.GotoAsync("dashboard/sign-in");
        await page.GetByLabel("Operator API key").FillAsync(market.Operator.Key!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test Marketplace: overview", Level = 1 })).ToBeVisibleAsync();
    }

    private static void AssertFitsTheScreen(int width, Viewport viewport) =>
        Assert.That(width, Is.LessThanOrEqualTo(viewport.Width), "nothing runs off the side of the screen");
}
