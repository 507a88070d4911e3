using System.Text.Json.Nodes;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Statements;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Complaints;
using Accountability.Domain.Liability;

namespace Accountability.Api.Tests.Partners;

/// <summary>
/// The app-store story carried to its money (docs/liability.md): the developer lets its deadlines pass on an escalated
/// complaint, the store resolves by default judgment and charges it, the developer appeals with evidence, the operator
/// overturns, and the developer's statement shows each step, then closes. Each request and answer is written to the
/// test's output, so the story can be read as it ran.
/// </summary>
[Category("api")]
public sealed class LiabilityStoryTests
{
    [Test]
    public async Task The_developer_silent_past_its_deadline_is_charged_by_default_appeals_with_evidence_and_the_overturn_shows_on_its_statement()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runScheduler: true, clock: clock,
            services: s => s.PostConfigure<Features.Deadlines.DeadlineOptions>(o => o.DeadlinePollSeconds = TimeSpan.FromHours(1).TotalSeconds));
        var market = await node.CreateMarketplaceAsync();
        var policy = PolicyJson.WithDeadlines(TimeSpan.FromHours(4), TimeSpan.FromHours(24), escalates: true);
        policy["defaultJudgment"] = new JsonObject { ["enabled"] = true, ["remedyKind"] = "Refund" };
        policy["statements"] = new JsonObject { ["timeZone"] = "UTC", ["closeAfterDays"] = 3 };
        using (var put = await market.Operator.PutAsync("/api/policy", policy))
            Say("PUT /api/policy {stalledHolder: 4 h to acknowledge, 24 h to resolve; defaultJudgment: {enabled, Refund}; statements: {UTC, 3 days}}", (int)put.StatusCode);
        var month = StatementPeriod.Of(clock.GetUtcNow(), TimeZoneInfo.Utc);
        var statement = $"/api/statements?from={month}";

        var filed = await market.Operator.PostJsonAsync<ComplaintView>("/api/complaints", new
        {
            customerReference = "cust-1", product = "Dungeon Quest", vendorId = "acme", category = "purchase-missing",
            description = "Paid for the expansion, it never unlocked", channel = "App", claim = new { amount = 4.99m, currency = "EUR" },
        }, 201);
        Say("POST /api/complaints {product: Dungeon Quest, vendorId: acme, claim: EUR 4.99}", 201, $"held by {filed.Holder.Id}, claim {filed.Claim}");
        var handed = await market.Operator.PostJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix", evidence = new[] { "receipt-881" } });
        Say("POST .../handoffs {to: acme, reason: NeedsVendorFix}", 200, $"held by {handed.Holder.Id}");
        var before = await market.Acme.GetJsonAsync<PartyStatements>(statement);
        Say($"GET {statement} (acme's key)", 200, Lines(before.Months.Single()));
        Assert.That(before.Months.Single().Charges, Is.Empty);

        clock.Advance(TimeSpan.FromHours(5));
        await node.RunSchedulerPassAsync();
        var escalated = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}");
        Say("5 h later, the scheduler: the acknowledgement missed", 200, $"flagged {string.Join(", ", escalated.FlaggedRules)}, accountable {escalated.Accountable.Id}, escalated {escalated.Escalation is not null}");
        Assert.That(escalated.Escalation, Is.Not.Null);

        clock.Advance(TimeSpan.FromHours(20));
        await node.RunSchedulerPassAsync();
        var judged = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{filed.Id}");
        var charge = judged.Charges!.Single();
        Say("25 h after the handoff, the scheduler: the resolution missed", 200, $"{judged.Status}, charge {charge.Party.Id} {charge.Amount} ({charge.Cause})");
        Assert.That((judged.Status, charge.Party.Id, charge.Amount), Is.EqualTo((ComplaintStatus.Resolved, "acme", new Money(4.99m, "EUR"))));
        var resolution = (await market.TimelineAsync(filed.Id)).Single(e => e.Type == "complaint_resolved");
        Say("GET .../timeline: complaint_resolved", 200, $"by {resolution.By}: {((System.Text.Json.JsonElement)resolution.Data).GetProperty("remedy").GetString()}");
        Assert.That(resolution.By, Is.EqualTo("store"));

        var charged = await market.Acme.GetJsonAsync<PartyStatements>(statement);
        Say($"GET {statement} (acme's key)", 200, Lines(charged.Months.Single()));
        Assert.That(charged.Months.Single().Net, Is.EqualTo(new Dictionary<string, decimal> { ["EUR"] = 4.99m }));

        var appealPath = $"/api/complaints/{filed.Id}/charges/{charge.Id}/appeal";
        var appealed = await market.Acme.PostJsonAsync<ComplaintView>(appealPath, new
        {
            statement = "The unlock is granted by the store's payment service; our server never got the purchase.",
            evidence = new[] { "server-log-2026-12-02", "payment-callback-missing" },
        });
        Say("POST .../appeal {statement, evidence: [server-log-2026-12-02, payment-callback-missing]} (acme's key)", 200, $"appeal {appealed.Charges!.Single().Appeal!.State}");
        var decided = await market.Operator.PostJsonAsync<ComplaintView>($"{appealPath}/decision", new
        {
            outcome = "Overturned", reason = "The payment callback never reached the developer: the store's fault.",
        });
        var reversed = decided.Charges!.Single();
        Say("POST .../appeal/decision {outcome: Overturned, reason}", 200, $"appeal {reversed.Appeal!.State}, charge reversed {reversed.Reversal is not null}");
        Assert.That(reversed.Reversal, Is.Not.Null);

        var after = await market.Acme.GetJsonAsync<PartyStatements>(statement);
        Say($"GET {statement} (acme's key)", 200, Lines(after.Months.Single()));
        Assert.That(after.Months.Single() is { Charges.Count: 1, Reversals.Count: 1, AppealsOpened.Count: 1, AppealsDecided.Count: 1 }, Is.True);
        Assert.That(after.Months.Single().Net, Is.EqualTo(new Dictionary<string, decimal> { ["EUR"] = 0m }));

        clock.Advance(month.ClosesAt(TimeZoneInfo.Utc, 3) - clock.GetUtcNow());
        Assert.That(await node.Host.Services.GetRequiredService<StatementCloser>().CloseDueAsync(CancellationToken.None, market.Id), Is.EqualTo(1));
        var closed = await market.Acme.GetJsonAsync<PartyStatements>(statement);
        Say($"3 days after the month's end: GET {statement} (acme's key)", 200, Lines(closed.Months.Single()));
        Assert.That(closed.Months.Single().State, Is.EqualTo(StatementState.Closed));
    }

    private static string Lines(PartyStatement month) =>
        $"{month.Period} {month.State}: {month.Charges.Count} charge(s), {month.Reversals.Count} reversal(s), {month.AppealsOpened.Count} appeal(s) opened, "
        + $"{month.AppealsDecided.Count} decided; net {(month.Net.Count == 0 ? "none" : string.Join(", ", month.Net.Select(n => $"{n.Key} {n.Value}")))}";

    private static void Say(string request, int status, string answer = "") => TestContext.Out.WriteLine($"{request} -> {status} {answer}");
}
