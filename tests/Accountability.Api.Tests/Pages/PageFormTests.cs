using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Dashboard;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.StatusPage;

namespace Accountability.Api.Tests.Pages;

/// <summary>
/// The dashboard and the status page read their forms and write their HTML with the same kit: what one page refuses,
/// the other refuses the same way, and a name looks the same on both.
/// </summary>
[Category("api")]
public sealed class PageFormTests
{
    [Test]
    public async Task A_dashboard_sign_in_with_an_over_long_key_is_refused_and_the_answer_names_the_key_field()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        var seal = DashboardVisitor.SealOf(await visitor.ReadAsync("/dashboard/sign-in"));
        var tooLong = market.Operator.Key + new string('x', 201);

        using var response = await visitor.PostAsync("/dashboard/sign-in", seal, new() { ["key"] = tooLong }, accept: "application/json");

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "key" }), problem.Detail);
        Assert.That(problem.Errors!["key"].Single(), Does.Contain("at most 200 characters"));
        using var page = await visitor.PostAsync("/dashboard/sign-in", seal, new() { ["key"] = tooLong });
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("at most 200 characters"), "a person is told why too");
        Assert.That(visitor.SessionCookie, Is.Null);
    }

    [Test]
    public async Task A_status_page_comment_over_the_limit_is_refused_and_the_answer_names_the_comment_field()
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await ResolvedAsync(market);

        using var response = await customer.SendAsync("still-broken", new() { ["comment"] = new string('x', 4001) }, alter: AsProgram);

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "comment" }), problem.Detail);
        Assert.That(problem.Errors!["comment"].Single(), Does.Contain("at most 4000 characters"));
        Assert.That((await market.TimelineAsync(id)).Where(e => e.By == "customer"), Is.Empty);
    }

    [TestCase("Origin", "https://evil.example")]
    [TestCase("Sec-Fetch-Site", "same-site")]
    public async Task A_status_page_form_sent_from_another_site_or_a_sibling_one_is_refused_and_the_answer_names_the_header(string header, string value)
    {
        var market = await Marketplace.CreateAsync();
        var (customer, id) = await ResolvedAsync(market);

        using var response = await customer.SendAsync("rating", new() { ["stars"] = "5" }, alter: r => { AsProgram(r); r.Headers.Add(header, value); });

        var problem = await response.ShouldBeProblemAsync(403, "forbidden");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { header }), problem.Detail);
        Assert.That((await market.TimelineAsync(id)).Where(e => e.By == "customer"), Is.Empty);
    }

    [Test]
    public async Task Both_pages_write_a_name_with_markup_and_non_Latin_letters_the_same_way()
    {
        const string product = "Фото <script>alert(1)</script> 写真";
        const string encoded = "Фото &lt;script&gt;alert(1)&lt;/script&gt; 写真";
        var market = await Marketplace.CreateAsync();
        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints",
            new { customerReference = "cust-1", product, vendorId = "acme", category = "crash", description = "Crashes on start", channel = "App" }, 201);
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);

        var statusPage = await new Customer(filed.TrackingLink!).ReadAsync();
        var dashboardPage = await visitor.ReadAsync($"/dashboard/complaints/{filed.Id}");

        Assert.That(statusPage, Does.Contain(encoded).And.Not.Contain("<script>"));
        Assert.That(dashboardPage, Does.Contain(encoded).And.Not.Contain("<script>"));
    }

    private static async Task<(Customer Customer, Guid Id)> ResolvedAsync(Marketplace market)
    {
        var (customer, id) = await StatusPageTests.FileAsync(market);
        await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await CustomerActionTests.ResolveAsync(market, id);
        return (customer, id);
    }

    private static void AsProgram(HttpRequestMessage request)
    {
        request.Headers.Accept.Clear();
        request.Headers.Accept.ParseAdd("application/json");
    }
}
