using System.Net;
using System.Text.Json;
using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Features.SetAside;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.RecurringProblems;
using JasperFx.Events.Daemon;
using Npgsql;

namespace Accountability.Api.Tests.Operations;

/// <summary>
/// One tenant's event that the background work cannot process is set aside: every other event and tenant goes on, the
/// operator sees it (route, command line, readiness, metric) and retries it after the fix. On a schema of its own, so
/// that what it sets aside degrades no other test's readiness.
/// </summary>
[Category("slow")]
public sealed class SetAsideEventTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_poisoned_event_is_set_aside_while_every_other_tenant_goes_on_and_a_retry_after_the_fix_processes_it()
    {
        var poison = new PoisonSwitch();
        using var meter = new MetricsTests.Measurements();
        await using var node = IsolatedNode.Start(settings: new Dictionary<string, string> { ["Accountability:RunProjectionDaemon"] = "true" },
            services: s => s.AddSingleton<ProcessingFaults>(poison));
        var (http, schema) = (node.Http, node.Schema);
        var daemon = node.Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var (a, b) = (await Marketplace.CreateAsync(http), await Marketplace.CreateAsync(http));
        var (productA, productB) = (RecurringProblemSteps.NewProduct(), RecurringProblemSteps.NewProduct());
        var reference = PoisonSwitch.NewReference();
        poison.Poison(reference);

        // The third complaint of a kind opens a problem, unless it is the poisoned one; a complaint of another kind
        // after it puts events of its tenant on both sides of it in the scorecards' batch. The poisoned complaint's
        // handoff, processed while its filing is set aside, counts only once the retry folds the complaint again.
        await a.FileAboutAsync(productA);
        await a.FileAboutAsync(productA);
        var poisoned = await a.Operator.PostJsonAsync<Features.Complaints.ComplaintView>("/api/complaints",
            new { customerReference = reference, product = productA, vendorId = "acme", category = "crash", description = "Broken again", channel = "App" }, 201);
        await a.Operator.PostJsonAsync<Features.Complaints.ComplaintView>($"/api/complaints/{poisoned.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" });
        await a.FileAboutAsync(productA, category: "billing");
        for (var i = 0; i < 3; i++)
            await b.FileAboutAsync(productB);
        await daemon.WaitForNonStaleData(Patience);

        Assert.That((await b.Operator.ProblemsAsync()).Single().LinkedComplaints, Is.EqualTo(3), "tenant B's problem opens");
        Assert.That(await ComplaintsOnScorecardAsync(b, productB), Is.EqualTo(3), "tenant B's scorecards move");
        Assert.That(await a.Operator.ProblemsAsync(), Is.Empty, "two of tenant A's three crashes were processed: too few for a problem");
        Assert.That(await ComplaintsOnScorecardAsync(a, productA), Is.EqualTo(3), "tenant A's other complaints are on its scorecard, once each");

        var listed = await WaitForSetAsideAsync(a.Operator, 2);
        Assert.That(listed.Select(e => e.Processor), Is.EquivalentTo(new[] { RecurringProblemDetector.SubscriptionName, ScorecardProjection.ProjectionName }));
        Assert.That(listed.Select(e => (e.Tenant, e.StreamId, e.EventType)).Distinct(), Is.EqualTo(new[] { (a.Id, (Guid?)poisoned.Id, "complaint_filed") }));
        Assert.That(listed.Select(e => (e.ErrorType, e.Error)), Has.All.EqualTo((nameof(InvalidOperationException), $"Failure to apply event #{listed[0].Sequence} Id({listed[0].EventId})")));
        Assert.That(await b.Operator.GetJsonAsync<List<SetAsideEvent>>("/api/set-aside-events"), Is.Empty, "tenant B never sees tenant A's");
        using (var otherTenant = await b.Operator.PostAsync($"/api/set-aside-events/{listed[0].Id}/retry", null))
            await otherTenant.ShouldBeProblemAsync(404, "not-found");
        using (var vendor = await a.Acme.GetAsync("/api/set-aside-events"))
            Assert.That(vendor.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), "only the operator lists them");
        Assert.That(meter.Count("accountability.events.set_aside", ("processor", RecurringProblemDetector.SubscriptionName)), Is.EqualTo(1));
        Assert.That(meter.Count("accountability.events.set_aside", ("processor", ScorecardProjection.ProjectionName)), Is.EqualTo(1));

        var (status, ready) = await ReadyAsync(http);
        Assert.That((status, ready.GetProperty("status").GetString()), Is.EqualTo((HttpStatusCode.OK, "Degraded")), ready.ToString());
        Assert.That(ready.GetProperty("checks").GetProperty("setAside").GetProperty("description").GetString(),
            Does.StartWith("2 events are set aside (1 by RecurringProblems, 1 by Scorecard)"));

        var cli = new Dictionary<string, string?> { ["Accountability__Schema"] = schema };
        var printed = await CommandLineRun.RunAsync(cli, "projections", "set-aside", "list", "--tenant", a.Id);
        Assert.That(printed.ExitCode, Is.EqualTo(0), printed.Error);
        Assert.That(printed.Output, Does.Contain($"{listed[0].Id} ").And.Contain($"stream={poisoned.Id}").And.Contain($"tenant={a.Id}"));

        var stillPoisoned = await a.Operator.PostJsonAsync<RetryOutcome>($"/api/set-aside-events/{listed[0].Id}/retry", null);
        Assert.That((stillPoisoned.Processed, stillPoisoned.Error), Is.EqualTo((false, $"{listed[0].Processor} poisoned by the test on complaint {poisoned.Id}.")),
            "a retry before the fix fails again");
        var after = await a.Operator.GetJsonAsync<List<SetAsideEvent>>("/api/set-aside-events");
        Assert.That(after.Single(e => e.Id == listed[0].Id).Error, Is.EqualTo(stillPoisoned.Error), "and stays set aside, with the new error");

        poison.Lift();
        var byRoute = listed.Single(e => e.Processor == ScorecardProjection.ProjectionName);
        Assert.That((await a.Operator.PostJsonAsync<RetryOutcome>($"/api/set-aside-events/{byRoute.Id}/retry", null)).Processed, Is.True);
        var retried = await CommandLineRun.RunAsync(cli, "projections", "set-aside", "retry", "--tenant", a.Id);
        Assert.That(retried.Output, Does.Contain("1 processed, 0 still set aside."), retried.Error);

        var problem = (await a.Operator.ProblemsAsync()).Single();
        Assert.That((await a.Operator.ProblemAsync(problem.Id)).Complaints.Select(c => c.Id), Does.Contain(poisoned.Id), "the retry opened tenant A's problem");
        Assert.That(await ComplaintsOnScorecardAsync(a, productA), Is.EqualTo(4), "the retry put the complaint on tenant A's scorecard");
        var retriedRows = await ScorecardRowsAsync(schema, a.Id);
        await daemon.RebuildProjectionAsync(ScorecardProjection.ProjectionName, Patience, CancellationToken.None);
        Assert.That(retriedRows, Is.EqualTo(await ScorecardRowsAsync(schema, a.Id)), "the scorecards are as a rebuild, where nothing failed, makes them");
        Assert.That(await a.Operator.GetJsonAsync<List<SetAsideEvent>>("/api/set-aside-events"), Is.Empty);
        Assert.That((await ReadyAsync(http)).Body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    private static async Task<int> ComplaintsOnScorecardAsync(Marketplace market, string product) =>
        (await market.Operator.GetJsonAsync<ProductScorecards>($"/api/scorecards/products?product={Uri.EscapeDataString(product)}")).Products.Single().Complaints;

    /// <summary>Every row of the scorecards' tables for the tenant, in a stable order.</summary>
    private static async Task<List<string>> ScorecardRowsAsync(string schema, string tenant)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        var rows = new List<string>();
        foreach (var table in new[] { ScorecardTables.Facts, ScorecardTables.Holds, ScorecardTables.PartyDays, ScorecardTables.ProductDays, ScorecardTables.DurationDays })
        {
            await using var select = new NpgsqlCommand($"select t::text from {schema}.{table} t where tenant_id = @tenant order by 1", connection);
            select.Parameters.AddWithValue("tenant", tenant);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add($"{table}: {reader.GetString(0)}");
        }
        return rows;
    }

    /// <summary>The daemon records a projection's dead letter in the background, just after it moves on.</summary>
    private static Task<List<SetAsideEvent>> WaitForSetAsideAsync(ApiClient @operator, int count) =>
        Eventually.UntilAsync(() => @operator.GetJsonAsync<List<SetAsideEvent>>("/api/set-aside-events"), listed => listed.Count >= count,
            $"{count} set-aside events", Patience);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient http)
    {
        using var ready = await http.GetAsync("/health/ready");
        return (ready.StatusCode, JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement);
    }
}
