using Accountability.Api.Features.Imports;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Tests.RecurringProblems;

/// <summary>The worker opens a problem once enough complaints about one product and category come within the policy's window.</summary>
[Category("api")]
public sealed class RecurringProblemTests
{
    private ProjectionWorker worker = null!;

    [OneTimeSetUp]
    public void StartWorker() => worker = new ProjectionWorker();

    [OneTimeTearDown]
    public async Task StopWorker() => await worker.DisposeAsync();

    [Test]
    public async Task Three_complaints_about_one_product_and_category_open_a_problem_linking_them()
    {
        var market = await worker.CreateMarketplaceAsync();
        var product = RecurringProblemSteps.NewProduct();
        var filed = new[] { await market.FileAboutAsync(product), await market.FileAboutAsync(product), await market.FileAboutAsync(product) };
        await market.FileAboutAsync(product, category: "billing");
        await worker.CatchUpAsync();

        var problem = (await market.Operator.ProblemsAsync()).Single();
        Assert.That((problem.Product, problem.Category, problem.Status, problem.OpenedAutomatically, problem.OpenedBy), Is.EqualTo((product, "crash", ProblemStatus.Open, true, (object?)null)));
        var page = await market.Operator.ProblemAsync(problem.Id);
        Assert.That(page.Complaints.Select(c => c.Id), Is.EquivalentTo(filed.Select(c => c.Id)));
        Assert.That(problem.Summary, Is.EqualTo($"3 complaints about {product} (crash) within 7 days."));
    }

    [Test]
    public async Task A_problem_the_worker_opens_is_queued_for_the_stores_webhook_endpoint_in_the_same_transaction()
    {
        var market = await worker.CreateMarketplaceAsync();
        var hook = await market.Operator.PostJsonAsync<Features.Webhooks.EndpointWithSecret>("/api/webhooks",
            new { url = "http://127.0.0.1:9/hooks", eventTypes = new[] { "problem.opened" } }, 201);
        var product = RecurringProblemSteps.NewProduct();
        for (var i = 0; i < 3; i++)
            await market.FileAboutAsync(product);
        await worker.CatchUpAsync();

        var problem = (await market.Operator.ProblemsAsync()).Single();
        var queued = await market.Operator.GetJsonAsync<List<Features.Webhooks.Deliveries.DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries");
        Assert.That(queued.Select(d => (d.EventType, d.ComplaintId, d.ComplaintVersion)), Is.EqualTo(new[] { ("problem.opened", problem.Id, 1L) }),
            "the problem is the delivery's ordering key");
    }

    [Test]
    public async Task Two_complaints_open_nothing()
    {
        var market = await worker.CreateMarketplaceAsync();
        var product = RecurringProblemSteps.NewProduct();
        await market.FileAboutAsync(product);
        await market.FileAboutAsync(product);
        await worker.CatchUpAsync();

        Assert.That(await market.Operator.ProblemsAsync(), Is.Empty);
    }

    [Test]
    public async Task A_later_complaint_of_the_same_kind_is_linked_to_the_open_problem()
    {
        var market = await worker.CreateMarketplaceAsync();
        var product = RecurringProblemSteps.NewProduct();
        for (var i = 0; i < 3; i++)
            await market.FileAboutAsync(product);
        await worker.CatchUpAsync();
        var later = await market.FileAboutAsync(product);
        await worker.CatchUpAsync();

        var problem = (await market.Operator.ProblemsAsync()).Single();
        Assert.That(problem.LinkedComplaints, Is.EqualTo(4));
        Assert.That((await market.Operator.ProblemAsync(problem.Id)).Complaints.Select(c => c.Id), Does.Contain(later.Id));
        Assert.That(problem.Version, Is.EqualTo(5), "opened, three links, one later link: nothing twice");
    }

    [Test]
    public async Task Replaying_the_filed_complaints_through_the_worker_opens_and_links_nothing_twice()
    {
        var market = await worker.CreateMarketplaceAsync();
        var product = RecurringProblemSteps.NewProduct();
        var first = await market.FileAboutAsync(product);
        for (var i = 0; i < 3; i++)
            await market.FileAboutAsync(product);
        await worker.CatchUpAsync();
        var before = await market.Operator.ProblemsAsync();

        await worker.ReplayFromAsync((await market.TimelineAsync(first.Id))[0].Sequence - 1);

        Assert.That(before.Single().LinkedComplaints, Is.EqualTo(4));
        Assert.That(await market.Operator.ProblemsAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task Complaints_further_apart_than_the_window_do_not_count_and_closer_ones_do()
    {
        var market = await worker.CreateMarketplaceAsync();
        const string log = """
            ticket,when,team,product,category
            A-1,2026-01-01 09:00,Acme Apps,Lens Far,blur
            A-2,2026-01-05 09:00,Acme Apps,Lens Far,blur
            A-3,2026-01-09 09:00,Acme Apps,Lens Far,blur
            B-1,2026-01-01 09:00,Acme Apps,Lens Near,blur
            B-2,2026-01-03 09:00,Acme Apps,Lens Near,blur
            B-3,2026-01-07 08:59,Acme Apps,Lens Near,blur
            """;
        var mapping = new { caseId = "ticket", timestamp = "when", timestampFormat = "yyyy-MM-dd HH:mm", party = "team", product = "product", category = "category" };
        await market.Operator.PostJsonAsync<ImportReport>("/api/imports", new { source = "history", mapping, csv = log });
        await worker.CatchUpAsync();

        var problem = (await market.Operator.ProblemsAsync()).Single();
        Assert.That(problem.Product, Is.EqualTo("Lens Near"), "A-1 and A-3 are 8 days apart: no 7 days hold three of them");
        Assert.That(problem.OpenedAt, Is.EqualTo(new DateTimeOffset(2026, 1, 7, 8, 59, 0, TimeSpan.Zero)), "opened when the third complaint came");
    }

    [Test]
    public async Task The_policy_sets_the_threshold_and_an_operator_may_turn_it_off()
    {
        var market = await worker.CreateMarketplaceAsync();
        var policy = await market.Operator.GetJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/policy");
        Assert.That(policy["recurringProblems"]!.ToJsonString(), Is.EqualTo("""{"enabled":true,"complaints":3,"windowDays":7}"""));
        policy.Remove("version");
        policy["recurringProblems"] = new System.Text.Json.Nodes.JsonObject { ["enabled"] = true, ["complaints"] = 2, ["windowDays"] = 7 };
        using (var replaced = await market.Operator.PutAsync("/api/policy", policy))
            Assert.That((int)replaced.StatusCode, Is.EqualTo(200), await replaced.Content.ReadAsStringAsync());

        var product = RecurringProblemSteps.NewProduct();
        await market.FileAboutAsync(product);
        await market.FileAboutAsync(product);
        await worker.CatchUpAsync();
        Assert.That((await market.Operator.ProblemsAsync()).Single().LinkedComplaints, Is.EqualTo(2));

        policy["recurringProblems"] = new System.Text.Json.Nodes.JsonObject { ["enabled"] = true, ["complaints"] = 1, ["windowDays"] = 0 };
        using var refused = await market.Operator.PutAsync("/api/policy", policy);
        var problem = await refused.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Does.Contain("recurringProblems.complaints").And.Contain("recurringProblems.windowDays"));
    }
}
