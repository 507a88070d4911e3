using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>
/// Request forgery against the complaint page's action forms: a post that is not the page's own form, sent from this
/// browser in this session, changes nothing. Each request carries one defect on an otherwise valid take-over.
/// </summary>
[Category("api")]
public sealed class ActionForgeryTests
{
    [Test]
    public async Task A_take_over_posted_without_the_forms_token_changes_nothing_and_names_the_form()
    {
        var (market, visitor, complaint) = await SignedInBesideAsync();
        using (visitor)
        {
            using var response = await visitor.PostAsync($"/dashboard/complaints/{complaint}/take-over", seal: null, new() { ["version"] = "2" }, accept: "application/json");

            var problem = await response.ShouldBeProblemAsync(400, "validation");
            Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "form" }), problem.Detail);
            await NothingChangedAsync(market, complaint);
        }
    }

    [Test]
    public async Task A_take_over_sealed_in_another_browser_changes_nothing()
    {
        var (market, victim, complaint) = await SignedInBesideAsync();
        using (victim)
        {
            using var attacker = new DashboardVisitor();
            await attacker.SignInAsOperatorAsync(await Marketplace.CreateAsync());
            var attackersSeal = DashboardVisitor.SealOf(await attacker.ReadAsync("/dashboard"));

            using var response = await victim.PostAsync($"/dashboard/complaints/{complaint}/take-over", attackersSeal, new() { ["version"] = "2" }, accept: "application/json");

            var problem = await response.ShouldBeProblemAsync(400, "validation");
            Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { "form" }), problem.Detail);
            await NothingChangedAsync(market, complaint);
        }
    }

    [TestCase("Sec-Fetch-Site", "cross-site")]
    [TestCase("Sec-Fetch-Site", "same-site")]
    [TestCase("Origin", "https://evil.example")]
    public async Task A_take_over_sent_from_another_site_changes_nothing_and_names_the_header(string header, string value)
    {
        var (market, visitor, complaint) = await SignedInBesideAsync();
        using (visitor)
        {
            using var response = await visitor.ActAsync(complaint, "take-over", [], accept: "application/json", alter: r => r.Headers.Add(header, value));

            var problem = await response.ShouldBeProblemAsync(403, "forbidden");
            Assert.That(problem.Errors?.Keys, Is.EquivalentTo(new[] { header }), problem.Detail);
            await NothingChangedAsync(market, complaint);
        }
    }

    [Test]
    public async Task A_take_over_with_an_API_key_and_no_session_is_refused()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");

        using var response = await market.Operator.PostRawAsync($"/dashboard/complaints/{held.Id}/take-over", "version=2", "application/x-www-form-urlencoded",
            h => h.Accept.ParseAdd("application/json"));

        await response.ShouldBeProblemAsync(401, "unauthenticated");
        await NothingChangedAsync(market, held.Id);
    }

    /// <summary>A complaint acme holds (version 2), and a visitor signed in to its marketplace's dashboard.</summary>
    private static async Task<(Marketplace Market, DashboardVisitor Visitor, Guid Complaint)> SignedInBesideAsync()
    {
        var market = await Marketplace.CreateAsync();
        var held = await market.FileHeldByAsync("acme");
        var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);
        return (market, visitor, held.Id);
    }

    private static async Task NothingChangedAsync(Marketplace market, Guid complaint)
    {
        var timeline = await market.TimelineAsync(complaint);
        Assert.That(timeline.Select(e => e.Type), Is.EqualTo(new[] { "complaint_filed", "complaint_handed_off" }), "nothing was written");
    }
}
