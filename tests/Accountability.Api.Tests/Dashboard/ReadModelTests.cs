using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.RecurringProblems;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>What the worker keeps, on the overview: the parties' scorecards as a table sorted on the server, and the open recurring problems.</summary>
[Category("api")]
public sealed class ReadModelTests
{
    private ProjectionWorker worker = null!;

    [OneTimeSetUp]
    public void StartWorker() => worker = new ProjectionWorker();

    [OneTimeTearDown]
    public async Task StopWorker() => await worker.DisposeAsync();

    [Test]
    public async Task The_scorecards_table_sorts_by_any_column_through_links_and_says_how_it_is_sorted()
    {
        var market = await worker.CreateMarketplaceAsync();
        await DashboardVisitor.PingPongAsync(market);
        await market.FileHeldByAsync("photon");
        await worker.CatchUpAsync();
        using var visitor = new DashboardVisitor(worker.BaseAddress);
        await visitor.SignInAsOperatorAsync(market);

        var byTimeHeld = await visitor.ReadAsync("/dashboard");
        Assert.That(byTimeHeld, Does.Contain("<th scope=\"col\" aria-sort=\"descending\"><a href=\"/dashboard?sort=time-held&amp;order=asc#scorecards\">"));
        var byHandoffs = await visitor.ReadAsync("/dashboard?sort=handoffs&order=desc");
        Assert.That(RowsOf(byHandoffs), Is.EqualTo(new[] { "Test Store", "Acme Apps", "Photon Devices" }), "the store handed off three times, Acme once, Photon never");
        Assert.That(byHandoffs, Does.Contain("aria-sort=\"descending\"><a href=\"/dashboard?sort=handoffs&amp;order=asc#scorecards\">"));
        var byName = await visitor.ReadAsync("/dashboard?sort=party&order=asc");
        Assert.That(RowsOf(byName), Is.EqualTo(new[] { "Acme Apps", "Photon Devices", "Test Store" }));
        var unknown = await visitor.ReadAsync("/dashboard?sort=nonsense&order=sideways");
        Assert.That(unknown, Does.Contain("aria-sort=\"descending\"><a href=\"/dashboard?sort=time-held"), "an unknown sort falls back to time held");
    }

    [Test]
    public async Task The_open_problems_are_listed_with_their_product_owner_and_linked_complaints()
    {
        var market = await worker.CreateMarketplaceAsync();
        var product = RecurringProblemSteps.NewProduct();
        for (var i = 0; i < 3; i++)
            await market.FileAboutAsync(product);
        await worker.CatchUpAsync();
        using var visitor = new DashboardVisitor(worker.BaseAddress);
        await visitor.SignInAsOperatorAsync(market);

        var page = await visitor.ReadAsync("/dashboard");

        Assert.That(page, Does.Contain($"<th scope=\"row\">3 complaints about {product} (crash) within 7 days.</th>"));
        Assert.That(page, Does.Contain($"<td>{product} · crash</td><td>No owner yet</td><td>3</td>"));
        Assert.That(page, Does.Contain("by the service, past the policy&#x27;s threshold"));
        Assert.That(page, Does.Contain("1 of 1 open problems, those linking the most complaints first."));
    }

    [Test]
    public async Task Without_open_problems_the_overview_says_so()
    {
        var market = await worker.CreateMarketplaceAsync();
        using var visitor = new DashboardVisitor(worker.BaseAddress);
        await visitor.SignInAsOperatorAsync(market);

        Assert.That(await visitor.ReadAsync("/dashboard"), Does.Contain("No recurring problem is open."));
    }

    /// <summary>The party names of the scorecards table, in the order shown.</summary>
    private static string[] RowsOf(string page)
    {
        var table = page[page.IndexOf("<table class=\"scorecards\">", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        return [.. System.Text.RegularExpressions.Regex.Matches(table, "<tr><th scope=\"row\">([^<]+)</th>").Select(m => m.Groups[1].Value)];
    }
}
