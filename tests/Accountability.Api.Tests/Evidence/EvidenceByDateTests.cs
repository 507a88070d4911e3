using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Tests.Dashboard;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Npgsql;
using ListResponse = Accountability.Api.Features.Complaints.List.Response;

namespace Accountability.Api.Tests.Evidence;

/// <summary>
/// Evidence by a date over HTTP: the operator asks, the party asked answers in time or the scheduler records the miss and
/// its flag; the open request is a clock of the party asked; both parties' webhooks are queued. One node and one
/// marketplace for the fixture, each test on complaints of its own; the clock moves only forward, by hours.
/// </summary>
[Category("api")]
public sealed class EvidenceByDateTests
{
    private readonly ShiftableClock clock = new(standsStill: true);
    private IsolatedNode node = null!;
    private Marketplace market = null!;
    private string acmeHook = "", storeHook = "";

    private static object Ask(string party = "acme", double? dueInHours = 12, DateTimeOffset? dueBy = null, string needed = "The refund records") =>
        new { party, reason = "The customer says the refund never came.", needed, dueBy, dueInHours };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The scheduler passes only when a test asks it to: a late answer is refused before the miss is recorded, too.
        node = IsolatedNode.Start(runScheduler: true, clock: clock,
            services: s => s.PostConfigure<DeadlineOptions>(o => o.DeadlinePollSeconds = TimeSpan.FromHours(1).TotalSeconds));
        market = await node.CreateMarketplaceAsync();
        string[] types = [WebhookEventTypes.EvidenceRequested, WebhookEventTypes.EvidenceDeadlineMissed];
        acmeHook = (await market.Acme.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = "http://127.0.0.1:9/acme", eventTypes = types }, 201)).Endpoint.Id;
        storeHook = (await market.Operator.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = "http://127.0.0.1:9/store", eventTypes = types }, 201)).Endpoint.Id;
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await node.DisposeAsync();

    [Test]
    public async Task The_party_asked_answers_in_time_and_its_evidence_clock_ends_while_the_holders_run_on()
    {
        var held = await market.FileHeldByAsync("acme");
        var asked = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/evidence-requests", Ask());
        var request = asked.EvidenceRequests!.Single();
        Assert.That((request.Party.Id, request.State, request.DueBy), Is.EqualTo(("acme", EvidenceRequestState.Open, clock.GetUtcNow().AddHours(12))));
        var evidence = (await ClocksAsync(held.Id)).Single(c => c.Kind == DeadlineKind.Evidence);
        Assert.That((evidence.MustAct.Id, evidence.SecondsLeft, evidence.Paused, evidence.Overdue), Is.EqualTo(("acme", 12 * 3600L, false, false)));
        Assert.That((await SchedulersClocksAsync(held.Id)).Select(c => c.Deadline.Kind),
            Is.EquivalentTo(new[] { DeadlineKind.FirstResponse, DeadlineKind.Resolution, DeadlineKind.Evidence }), "one row: the holder's clocks and the evidence clock");

        var answered = await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/evidence-requests/{request.Id}/answer",
            new { evidence = new[] { "refund-4411" }, note = "Refunded on the 3rd." });

        Assert.That(answered.EvidenceRequests!.Single().State, Is.EqualTo(EvidenceRequestState.Answered));
        Assert.That((await ClocksAsync(held.Id)).Select(c => c.Kind), Is.EqualTo(new[] { DeadlineKind.FirstResponse, DeadlineKind.Resolution }));
        var kept = await SchedulersClocksAsync(held.Id);
        Assert.That(kept.Select(c => c.Deadline.Kind), Is.EquivalentTo(new[] { DeadlineKind.FirstResponse, DeadlineKind.Resolution }));
        Assert.That(await NextDueAsync(held.Id), Is.EqualTo(kept.Min(c => c.NextAt)).Within(TimeSpan.FromMilliseconds(1)),
            "the scheduler's next alarm is the holder's again");
        Assert.That((await market.TimelineAsync(held.Id)).Select(e => e.Type), Does.Contain("evidence_requested").And.Contain("evidence_submitted"));
        foreach (var (client, hook) in new[] { (market.Acme, acmeHook), (market.Operator, storeHook) })
            Assert.That(await DeliveredAsync(client, hook, held.Id), Is.EqualTo(new[] { WebhookEventTypes.EvidenceRequested }));
    }

    [Test]
    public async Task A_missed_due_time_is_overdue_refuses_the_late_answer_and_the_scheduler_records_and_flags_it_once()
    {
        var held = await market.FileHeldByAsync("acme");
        var request = (await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/evidence-requests", Ask(dueInHours: 1)))
            .EvidenceRequests!.Single();
        clock.Advance(TimeSpan.FromHours(2));
        var overdue = (await ClocksAsync(held.Id)).Single(c => c.Kind == DeadlineKind.Evidence);
        Assert.That((overdue.SecondsLeft, overdue.Overdue), Is.EqualTo((-3600L, true)));
        Assert.That((await market.Operator.GetJsonAsync<ListResponse>("/api/complaints?overdue=true&limit=200")).Items.Select(i => i.Id), Does.Contain(held.Id));
        using (var visitor = new DashboardVisitor(node.Http.BaseAddress))
        {
            await visitor.SignInAsOperatorAsync(market);
            Assert.That(await visitor.ReadAsync($"/dashboard/complaints/{held.Id}"), Does.Contain("<li class=\"clock overdue\"><strong>Evidence</strong>"),
                "the complaint's Deadlines section shows it overdue");
            var rows = (await visitor.ReadAsync("/dashboard/due")).Split("<tr").Where(r => r.Contains(held.Id.ToString()));
            Assert.That(rows.Where(r => r.Contains("needs-action") && r.Contains(">Evidence<") && r.Contains("Acme Apps")), Has.Exactly(1).Items,
                "the due queue shows acme's overdue evidence");
        }
        var answer = $"/api/complaints/{held.Id}/evidence-requests/{request.Id}/answer";
        await UnchangedAsync(held.Id, async () =>
        {
            using var late = await market.Acme.PostAsync(answer, new { evidence = new[] { "refund-4411" } });
            Assert.That((await late.ShouldBeProblemAsync(409, "evidence-deadline-passed")).Detail, Does.Contain("no longer accepted"));
        });

        await node.RunSchedulerPassAsync();
        await node.RunSchedulerPassAsync();

        var view = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{held.Id}");
        Assert.That(view.EvidenceRequests!.Single().State, Is.EqualTo(EvidenceRequestState.Missed));
        Assert.That(view.Flags!.Where(f => f.Rule == RuleIds.EvidenceMissed).Select(f => f.Charged), Is.EqualTo(new[] { new[] { "acme" } }), "flagged once, charged to acme");
        Assert.That((await market.TimelineAsync(held.Id)).Count(e => e.Type == "evidence_deadline_missed"), Is.EqualTo(1));
        Assert.That(view.Clocks!.Select(c => c.Kind), Has.None.EqualTo(DeadlineKind.Evidence));
        using (var closed = await market.Acme.PostAsync(answer, new { evidence = new[] { "refund-4411" } }))
            await closed.ShouldBeProblemAsync(409, "evidence-request-closed");
        foreach (var (client, hook) in new[] { (market.Acme, acmeHook), (market.Operator, storeHook) })
            Assert.That(await DeliveredAsync(client, hook, held.Id), Is.EquivalentTo(new[] { WebhookEventTypes.EvidenceRequested, WebhookEventTypes.EvidenceDeadlineMissed }));
    }

    [Test]
    public async Task Each_defect_of_a_request_is_refused_naming_it_and_changes_nothing()
    {
        var held = await market.FileHeldByAsync("acme");
        var path = $"/api/complaints/{held.Id}/evidence-requests";
        foreach (var (client, body, status, kind, named) in new (ApiClient, object, int, string, string)[]
        {
            (market.Acme, Ask(), 403, "operator-only", "operator"),
            (market.Operator, Ask("nobody"), 422, "unknown-party", "nobody"),
            (market.Operator, Ask("photon"), 422, "party-not-involved", "Photon"),
            (market.Operator, Ask(dueInHours: null, dueBy: clock.GetUtcNow().AddMinutes(-1)), 422, "due-out-of-range", "not in the future"),
            (market.Operator, Ask(needed: ""), 400, "validation", "needed"),
        })
            await UnchangedAsync(held.Id, async () =>
            {
                using var response = await client.PostAsync(path, body);
                var problem = await response.ShouldBeProblemAsync(status, kind);
                Assert.That(problem.Detail + string.Join(" ", problem.Errors?.Keys.AsEnumerable() ?? []), Does.Contain(named).IgnoreCase, kind);
            });
    }

    [Test]
    public async Task Only_the_party_asked_answers_an_open_request_of_this_complaint_and_only_once()
    {
        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/handoffs", new { to = "photon", reason = "WrongParty", evidence = new[] { "order 7" } });
        var request = (await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/evidence-requests", Ask())).EvidenceRequests!.Single();
        var answer = $"/api/complaints/{held.Id}/evidence-requests/{request.Id}/answer";
        var evidence = new { evidence = new[] { "refund-4411" } };
        foreach (var (client, path, status, kind) in new (ApiClient, string, int, string)[]
        {
            (market.Acme, $"/api/complaints/{held.Id}/evidence-requests/{Guid.NewGuid()}/answer", 404, "evidence-request-not-found"),
            (market.Photon, answer, 403, "not-the-asked-party"),
            (market.Operator, answer, 403, "not-the-asked-party"),
        })
            await UnchangedAsync(held.Id, async () =>
            {
                using var response = await client.PostAsync(path, evidence);
                await response.ShouldBeProblemAsync(status, kind);
            });

        await market.Acme.PostJsonAsync<ComplaintView>(answer, evidence);
        using var again = await market.Acme.PostAsync(answer, evidence);
        Assert.That((await again.ShouldBeProblemAsync(409, "evidence-request-closed")).Detail, Does.Contain("already answered"));
    }

    /// <summary>Runs a refused command and checks the complaint's stream did not grow.</summary>
    private async Task UnchangedAsync(Guid complaint, Func<Task> refused)
    {
        var before = (await market.TimelineAsync(complaint)).Count;
        await refused();
        Assert.That((await market.TimelineAsync(complaint)).Count, Is.EqualTo(before), "a refused command appends nothing");
    }

    /// <summary>The complaint's clocks from its answer, checked to be those of its list item.</summary>
    private async Task<IReadOnlyList<ClockView>> ClocksAsync(Guid id)
    {
        var one = (await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}")).Clocks!;
        var item = (await market.Operator.GetJsonAsync<ListResponse>("/api/complaints?limit=200")).Items.Single(c => c.Id == id);
        Assert.That(item.Clocks, Is.EqualTo(one), "the list item shows the same clocks");
        return one;
    }

    private async Task<IReadOnlyList<DeadlineClock>> SchedulersClocksAsync(Guid complaint)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"select clocks::text from {node.Schema}.{DeadlineTable.Name} where complaint_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = complaint });
        return DeadlineTable.Deserialize((string)(await command.ExecuteScalarAsync())!).Clocks;
    }

    private async Task<DateTimeOffset?> NextDueAsync(Guid complaint)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"select next_due_at from {node.Schema}.{DeadlineTable.Name} where complaint_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = complaint });
        return await command.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    private static async Task<IReadOnlyList<string>> DeliveredAsync(ApiClient party, string hook, Guid complaint) =>
        [.. (await party.GetJsonAsync<List<DeliveryView>>($"/api/webhooks/{hook}/deliveries")).Where(d => d.ComplaintId == complaint)
            .OrderBy(d => d.ComplaintVersion).Select(d => d.EventType)];
}
