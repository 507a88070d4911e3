using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Browser;
using Accountability.Api.Tests.Infrastructure;
using Microsoft.Playwright;
using static Accountability.Api.Tests.StatusPage.CustomerActionTests;
using static Accountability.Api.Tests.StatusPage.StatusPageTests;

namespace Accountability.Api.Tests.StatusPage;

/// <summary>The status page in Debian's Chromium: what the customer reads, what they click, and what axe-core says of it.</summary>
[Category("browser")]
public sealed class StatusPageBrowserTests
{
    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task The_customer_reads_who_has_their_complaint_and_what_happens_next(Viewport viewport)
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version of Photo Pro do you use?" });

        await using var tab = await Chromium.OpenAsync(viewport);
        var page = tab.Page;
        await page.GotoAsync(customer.Link);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your complaint about Photo Pro", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("Waiting for your reply");
        await Assertions.Expect(page.GetByText("Handled by Acme Apps")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Which version of Photo Pro do you use?").First).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(viewport.Width), "nothing runs off the side of the screen");
        await Screenshots.SaveAsync(page, $"status-page-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Test]
    public async Task The_customer_answers_reopens_and_rates_from_the_page_and_each_is_an_event_of_theirs()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/information-requests", new { question = "Which version?" });
        await using var tab = await Chromium.OpenAsync(Viewport.Phone);
        var page = tab.Page;
        await page.GotoAsync(customer.Link);

        await page.GetByLabel("Your answer").FillAsync("Version 2.1 on Android");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: your answer has been passed on.");

        await ResolveAsync(market, id);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync("Resolved");
        await page.GetByLabel("What is still wrong? (optional)").FillAsync("It crashes again after the update");
        await page.GetByRole(AriaRole.Button, new() { Name = "It is still broken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: we have told them it is still not working.");
        await Assertions.Expect(page.GetByText("Reopened, as it was still not working.")).ToBeVisibleAsync();

        await ResolveAsync(market, id);
        await page.ReloadAsync();
        await page.GetByLabel("4 out of 5").CheckAsync();
        await page.GetByLabel("Anything to add? (optional)").FillAsync("Took two tries");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my rating" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You rated the handling 4 out of 5.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "status-page-after-rating-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var byCustomer = (await market.TimelineAsync(id)).Where(e => e.By == "customer").Select(e => e.Type);
        Assert.That(byCustomer, Is.EqualTo(new[] { "information_provided", "complaint_reopened", "complaint_rated" }));
        var complaint = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
        Assert.That(complaint.ReopenCount, Is.EqualTo(1));
    }

    [TestCaseSource(typeof(Viewport), nameof(Viewport.All))]
    public async Task After_a_bounce_the_customer_asks_the_store_to_step_in_and_reads_that_it_took_over(Viewport viewport)
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await StepInTests.BouncedAsync(market);
        await using var tab = await Chromium.OpenAsync(viewport);
        var page = tab.Page;
        await page.GotoAsync(customer.Link);

        var ask = page.GetByRole(AriaRole.Button, new() { Name = "Ask Test Store to step in" });
        await Assertions.Expect(page.GetByText("You can ask Test Store to step in below.")).ToBeVisibleAsync();
        await Assertions.Expect(ask).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, $"status-page-step-in-offered-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await ask.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Thank you: you have asked the store to step in.");
        await Assertions.Expect(page.GetByText("Handled by Test Store")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Test Store stepped in and took it over from Acme Apps.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".you-said")).ToContainTextAsync("You asked Test Store to step in on");
        await Assertions.Expect(ask).ToHaveCountAsync(0);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.That(width, Is.LessThanOrEqualTo(viewport.Width), "nothing runs off the side of the screen");
        await Screenshots.SaveAsync(page, $"status-page-step-in-asked-{viewport}");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        var timeline = await market.TimelineAsync(id);
        Assert.That(timeline.Where(e => e.By == "customer").Select(e => e.Type), Is.EqualTo(new[] { "step_in_requested" }));
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Holder.Id, Is.EqualTo("store"));
    }

    [Test]
    public async Task Asking_again_from_a_page_opened_before_is_refused_with_a_message_and_changes_nothing()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await StepInTests.BouncedAsync(market);
        await using var tab = await Chromium.OpenAsync(Viewport.Phone);
        var page = tab.Page;
        await page.GotoAsync(customer.Link);
        // Meanwhile acme picks it up and the customer asks from another tab.
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/acknowledgement", null);
        using (await customer.SendAsync("step-in")) { }
        var version = (await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Version;

        await page.GetByRole(AriaRole.Button, new() { Name = "Ask Test Store to step in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You have already asked the store to step in on this complaint.");
        await Screenshots.SaveAsync(page, "status-page-step-in-refused-phone");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        Assert.That((await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Version, Is.EqualTo(version));
    }

    [Test]
    public async Task An_unknown_link_shows_a_clear_page_that_passes_axe()
    {
        await using var tab = await Chromium.OpenAsync(Viewport.Desktop);
        var response = await tab.Page.GotoAsync("status/" + new string('x', 43));
        Assert.That(response!.Status, Is.EqualTo(404));
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Name = "We cannot find this complaint" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(tab.Page);
    }
}
