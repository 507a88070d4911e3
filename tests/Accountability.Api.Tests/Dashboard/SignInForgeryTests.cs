using System.Net;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>
/// Login forgery: a page on another site must not sign a visitor's browser in as someone else (the attacker, whose
/// dashboard the victim would then fill). Each request below carries one defect on an otherwise valid sign-in.
/// </summary>
[Category("api")]
public sealed class SignInForgeryTests
{
    [Test]
    public async Task A_sign_in_sent_from_another_origin_is_refused_and_the_answer_names_the_Origin()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();

        using var response = await SignInWithAsync(visitor, market, r => r.Headers.Add("Origin", "https://evil.example"));

        var problem = await response.ShouldBeProblemAsync(403, "forbidden");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "Origin" }), problem.Detail);
        Assert.That(problem.Errors!["Origin"].Single(), Does.Contain("https://evil.example"));
        Assert.That(visitor.SessionCookie, Is.Null);
    }

    [TestCase("same-site")]
    [TestCase("cross-site")]
    public async Task A_sign_in_sent_from_a_sibling_or_another_site_is_refused_and_the_answer_names_Sec_Fetch_Site(string site)
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();

        using var response = await SignInWithAsync(visitor, market, r => r.Headers.Add("Sec-Fetch-Site", site));

        var problem = await response.ShouldBeProblemAsync(403, "forbidden");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "Sec-Fetch-Site" }), problem.Detail);
        Assert.That(visitor.SessionCookie, Is.Null);
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_form_fetched_by_another_browser_signs_nobody_in_and_the_answer_names_the_form(bool victimOpenedThePageBefore)
    {
        var market = await Marketplace.CreateAsync();
        using var attacker = new DashboardVisitor();
        var attackersSeal = DashboardVisitor.SealOf(await attacker.ReadAsync("/dashboard/sign-in"));
        using var victim = new DashboardVisitor();
        if (victimOpenedThePageBefore)
            await victim.ReadAsync("/dashboard/sign-in");

        using var response = await victim.PostAsync("/dashboard/sign-in", attackersSeal, new() { ["key"] = market.Operator.Key! }, accept: "application/json");

        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "form" }), problem.Detail);
        Assert.That(problem.Errors!["form"].Single(), Does.Contain("browser"));
        Assert.That(victim.SessionCookie, Is.Null);
        using var page = await victim.PostAsync("/dashboard/sign-in", attackersSeal, new() { ["key"] = market.Operator.Key! });
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("browser"), "a person is told why too");
    }

    [Test]
    public async Task A_sign_in_from_the_service_own_page_as_a_browser_sends_it_still_works()
    {
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        var origin = ServiceUnderTest.BaseAddress.GetLeftPart(UriPartial.Authority);

        using var response = await SignInWithAsync(visitor, market, r =>
        {
            r.Headers.Add("Origin", origin);
            r.Headers.Add("Sec-Fetch-Site", "same-origin");
        });

        Assert.That((response.StatusCode, response.Headers.Location?.ToString()), Is.EqualTo((HttpStatusCode.SeeOther, "/dashboard")),
            await response.Content.ReadAsStringAsync());
        Assert.That(visitor.SessionCookie, Is.Not.Null);
    }

    private static async Task<HttpResponseMessage> SignInWithAsync(DashboardVisitor visitor, Marketplace market, Action<HttpRequestMessage> alter)
    {
        var seal = DashboardVisitor.SealOf(await visitor.ReadAsync("/dashboard/sign-in"));
        return await visitor.PostAsync("/dashboard/sign-in", seal, new() { ["key"] = market.Operator.Key! }, accept: "application/json", alter);
    }
}
