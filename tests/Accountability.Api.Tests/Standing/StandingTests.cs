using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Standing;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Rules;
using Accountability.Api.Tests.Webhooks;
using Accountability.Domain.Standing;
using Microsoft.Extensions.DependencyInjection;

namespace Accountability.Api.Tests.Standing;

/// <summary>
/// Vendor standing over HTTP (docs/standing.md) on a worker node whose scorecard projection keeps the figures: acme found
/// liable twice is warned, a third time put on probation, once each; the operator decides; the past replays.
/// </summary>
[Category("api")]
public sealed class StandingTests
{
    private ProjectionWorker worker = null!;
    private Marketplace market = null!;

    [OneTimeSetUp]
    public async Task StartWorker()
    {
        worker = new ProjectionWorker();
        market = await worker.CreateMarketplaceAsync();
    }

    [OneTimeTearDown]
    public async Task StopWorker() => await worker.DisposeAsync();

    private async Task FoundLiableAsync()
    {
        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", new { rootCause = "ProductDefect", liableParty = "acme", remedy = "Fixed" });
    }

    private async Task<List<StandingEntry>> EvaluateAsync(bool catchUp = true)
    {
        if (catchUp)
            await worker.CatchUpAsync();
        return await market.Operator.PostJsonAsync<List<StandingEntry>>("/api/parties/acme/standing/evaluation", null);
    }

    [Test]
    public async Task Crossing_the_thresholds_warns_then_puts_on_probation_once_tells_the_vendor_and_the_operator_reinstates_with_a_reason()
    {
        await using var receiver = await Receiver.StartAsync();
        var hook = await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { WebhookEventTypes.StandingChanged } }, 201);
        Assert.That(await EvaluateAsync(catchUp: false), Is.Empty, "standing is off by default");
        var policy = PolicyJson.Editable();
        policy["standing"]!["enabled"] = true;
        (policy["standing"]!["warning"]!["foundLiable"], policy["standing"]!["probation"]!["foundLiable"]) = (2, 3);
        using (var put = await market.Operator.SendPutAsync(policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));

        await FoundLiableAsync();
        await FoundLiableAsync();
        var warned = await EvaluateAsync();
        Assert.That(warned.Select(e => (e.Type, e.From, e.To, e.Figures!.FoundLiable)), Is.EqualTo(new[] { ("standing_changed", (StandingLevel?)StandingLevel.Good, StandingLevel.Warning, 2) }));
        Assert.That(warned[0].Crossed, Is.EqualTo(new[] { "foundLiable 2 ≥ 2 (warning)" }));
        var betweenThem = warned[0].At.AddTicks(1);
        await FoundLiableAsync();
        Assert.That((await EvaluateAsync()).Select(e => e.To), Is.EqualTo(new[] { StandingLevel.Probation }));
        Assert.That(await EvaluateAsync(), Is.Empty, "an unchanged standing is recorded once");

        var now = await market.Operator.GetJsonAsync<StandingView>("/api/parties/acme/standing");
        Assert.That((now.Level, now.Enabled, now.History.Count, now.Current!.Figures.FoundLiable, now.Current.Figures.ComplaintRate),
            Is.EqualTo((StandingLevel.Probation, true, 2, 3, (double?)null)));
        var past = await market.Acme.GetJsonAsync<StandingView>($"/api/parties/acme/standing?asOf={Uri.EscapeDataString(betweenThem.ToString("O"))}");
        Assert.That((past.Level, past.History.Count, past.Current), Is.EqualTo((StandingLevel.Warning, 1, (StandingAssessment?)null)), "replayed as it stood then");
        using (var visitor = new Dashboard.DashboardVisitor(worker.BaseAddress))
        {
            await visitor.SignInAsOperatorAsync(market);
            Assert.That(await visitor.ReadAsync("/dashboard/liability"), Does.Contain("<strong>Acme Apps</strong> on probation since"), "the dashboard shows it");
        }
        var deliveries = await market.Acme.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook.Endpoint.Id}/deliveries");
        Assert.That(deliveries.Select(d => d.EventType), Is.EqualTo(new[] { "vendor.standing_changed", "vendor.standing_changed" }));

        var decided = await market.Operator.PostJsonAsync<List<StandingEntry>>("/api/parties/acme/standing/decision", new { decision = "reinstate", reason = "Plan of action accepted" });
        Assert.That(decided.Select(e => (e.Type, e.Decision, e.To, e.Reason, e.Version)),
            Is.EqualTo(new[] { ("standing_decided", (StandingDecisionKind?)StandingDecisionKind.Reinstate, StandingLevel.Good, (string?)"Plan of action accepted", 3L) }));
        Assert.That(await EvaluateAsync(), Is.Empty, "a reinstatement counts the figures afresh");
        using var again = await market.Operator.PostAsync("/api/parties/acme/standing/decision", new { decision = "endRelationship", reason = "Enough" });
        Assert.That((await again.ShouldBeProblemAsync(409, "nothing-to-decide")).Detail, Does.Contain("good standing"));
    }

    [Test]
    public async Task The_periodic_evaluator_records_a_vendors_change_once_however_often_it_passes()
    {
        var market = await worker.CreateMarketplaceAsync();
        var policy = PolicyJson.Editable();
        policy["standing"]!["enabled"] = true;
        (policy["standing"]!["warning"]!["foundLiable"], policy["standing"]!["probation"]!["foundLiable"]) = (2, 3);
        using (var put = await market.Operator.SendPutAsync(policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));
        for (var i = 0; i < 2; i++)
        {
            var held = await market.FileHeldByAsync("photon");
            await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", new { rootCause = "ProductDefect", liableParty = "photon", remedy = "Fixed" });
        }
        await worker.CatchUpAsync();
        var sweep = worker.Services.GetRequiredService<StandingSweep>();
        await sweep.SweepAsync(CancellationToken.None);
        await sweep.SweepAsync(CancellationToken.None);
        var photon = await market.Operator.GetJsonAsync<StandingView>("/api/parties/photon/standing");
        Assert.That((photon.Level, photon.History.Count), Is.EqualTo((StandingLevel.Warning, 1)));
    }

    [Test]
    public async Task A_repeated_Idempotency_Key_replays_the_saved_answer_records_once_and_is_refused_with_another_body()
    {
        var market = await worker.CreateMarketplaceAsync();
        var policy = PolicyJson.Editable();
        policy["standing"]!["enabled"] = true;
        (policy["standing"]!["warning"]!["foundLiable"], policy["standing"]!["probation"]!["foundLiable"]) = (1, 2);
        using (var put = await market.Operator.SendPutAsync(policy))
            Assert.That((int)put.StatusCode, Is.EqualTo(200));
        var held = await market.FileHeldByAsync("photon");
        await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/resolution", new { rootCause = "ProductDefect", liableParty = "photon", remedy = "Fixed" });
        await worker.CatchUpAsync();

        var (evaluated, evaluatedAgain) = await SentTwiceAsync("/api/parties/photon/standing/evaluation", null, "evaluate-1");
        Assert.That(evaluated.Select(e => e.To), Is.EqualTo(new[] { StandingLevel.Warning }));
        Assert.That(evaluatedAgain.Select(Shown), Is.EqualTo(evaluated.Select(Shown)));

        const string decision = "/api/parties/photon/standing/decision";
        var (decided, decidedAgain) = await SentTwiceAsync(decision, new { decision = "reinstate", reason = "Plan of action accepted" }, "decide-1");
        Assert.That(decided.Select(e => (e.Decision, e.To, e.Version)), Is.EqualTo(new[] { ((StandingDecisionKind?)StandingDecisionKind.Reinstate, StandingLevel.Good, 2L) }));
        Assert.That(decidedAgain.Select(Shown), Is.EqualTo(decided.Select(Shown)));

        using (var other = await market.Operator.PostAsync(decision, new { decision = "endRelationship", reason = "Enough" }, h => h.Add("Idempotency-Key", "decide-1")))
            await other.ShouldBeProblemAsync(422, "idempotency-key-reused");
        var photon = await market.Operator.GetJsonAsync<StandingView>("/api/parties/photon/standing");
        Assert.That((photon.Level, photon.History.Count), Is.EqualTo((StandingLevel.Good, 2)), "recorded once each");

        async Task<(List<StandingEntry> First, List<StandingEntry> Replayed)> SentTwiceAsync(string path, object? body, string key)
        {
            using var first = await market.Operator.PostAsync(path, body, h => h.Add("Idempotency-Key", key));
            using var retry = await market.Operator.PostAsync(path, body, h => h.Add("Idempotency-Key", key));
            Assert.That(first.Headers.Contains("Idempotent-Replayed"), Is.False);
            Assert.That(retry.Headers.GetValues("Idempotent-Replayed"), Is.EqualTo(new[] { "true" }));
            return (await first.ShouldBeAsync<List<StandingEntry>>(200), await retry.ShouldBeAsync<List<StandingEntry>>(200));
        }
    }

    private static (long, string, DateTimeOffset, StandingLevel, StandingDecisionKind?, string?, string?) Shown(StandingEntry e) =>
        (e.Version, e.Type, e.At, e.To, e.Decision, e.Reason, e.By);

    [TestCase("{\"reason\":\"Plan accepted\"}", "decision")]
    [TestCase("{\"decision\":\"reinstate\",\"reason\":\"\"}", "reason")]
    public async Task A_decision_missing_what_or_why_is_refused_naming_it(string body, string field)
    {
        using var response = await market.Operator.PostRawAsync("/api/parties/photon/standing/decision", body);
        var problem = await response.ShouldBeProblemAsync(400, "validation");
        Assert.That(problem.Errors!.Keys, Is.EqualTo(new[] { field }));
    }

    [Test]
    public async Task Only_the_operator_decides_and_a_vendor_reads_its_own_standing_only()
    {
        using (var byVendor = await market.Acme.PostAsync("/api/parties/acme/standing/decision", new { decision = "reinstate", reason = "We did better" }))
            await byVendor.ShouldBeProblemAsync(403, "forbidden");
        using (var other = await market.Acme.GetAsync("/api/parties/photon/standing"))
            await other.ShouldBeProblemAsync(403, "forbidden");
        using (var unknown = await market.Operator.GetAsync("/api/parties/nobody/standing"))
            await unknown.ShouldBeProblemAsync(404, "not-found");
        using (var good = await market.Operator.PostAsync("/api/parties/photon/standing/decision", new { decision = "keepOnProbation", reason = "Watch them" }))
            await good.ShouldBeProblemAsync(409, "nothing-to-decide");
    }

    [Test]
    public async Task The_policy_refuses_standing_thresholds_out_of_order_naming_them()
    {
        var policy = PolicyJson.Editable();
        policy["standing"]!["probation"]!["foundLiable"] = 1;
        using var response = await market.Operator.SendPutAsync(policy);
        Assert.That((await response.ShouldBeProblemAsync(400, "validation")).Errors!.Keys, Is.EqualTo(new[] { "standing.probation" }));
    }
}
