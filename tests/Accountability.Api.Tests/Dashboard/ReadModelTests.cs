using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Problems;

namespace Accountability.Api.Tests.Dashboard;

/// <summary>What the worker keeps, on the overview: the open recurring problems.</summary>
public sealed class ReadModelTests
{
    private ProblemWorker worker = null!;

    [OneTimeSetUp]
    public void StartWorker() => worker = ProblemWorker.Start();

    [OneTimeTearDown]
    public void StopWorker() => worker.Dispose();

    [Test]
    public async Task The_open_problems_are_listed_with_their_product_owner_and_linked_complaints()
    {
        var market = await Marketplace.CreateAsync();
        var product = ProblemSteps.NewProduct();
        for (var i = 0; i < 3; i++)
            await market.FileAboutAsync(product);
        await worker.CatchUpAsync();
        using var visitor = new DashboardVisitor();
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
        var market = await Marketplace.CreateAsync();
        using var visitor = new DashboardVisitor();
        await visitor.SignInAsOperatorAsync(market);

        Assert.That(await visitor.ReadAsync("/dashboard"), Does.Contain("No recurring problem is open."));
    }
}
