using System.Text.Json.Nodes;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;
using Npgsql;

namespace Accountability.Api.Tests.Rules;

/// <summary>Deadlines fire on complaints nobody touches, survive a restart, and fire once.</summary>
[Category("api")]
public sealed class StalledHolderTests
{
    [Test]
    public async Task A_deadline_scheduled_while_no_scheduler_runs_fires_once_after_a_restart()
    {
        var clock = new ShiftableClock(standsStill: true);
        await using var api = IsolatedNode.Start(clock: clock);
        var market = await api.CreateMarketplaceAsync();
        await UseDeadlinesOfAboutASecondAsync(market);
        var filed = await market.FileAsync();
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That(await DueDeadlinesAsync(api, clock.GetUtcNow()), Is.EqualTo(4), "both deadlines, and the warnings before them, are due");
        Assert.That((await ReadAsync(market, filed.Id)).Flags, Is.Empty, "no node on this schema runs a scheduler");

        ComplaintView stalled;
        await using (var first = IsolatedNode.Start(runScheduler: true, clock: clock, schema: api.Schema))
        {
            await first.RunSchedulerPassAsync();
            stalled = await ReadAsync(market, filed.Id);
        }
        await using (var second = IsolatedNode.Start(runScheduler: true, clock: clock, schema: api.Schema))
            await second.RunSchedulerPassAsync();

        var complaint = await ReadAsync(market, filed.Id);
        Assert.That(complaint.Flags!.Select(f => f.Rule), Is.EqualTo(new[] { RuleIds.StalledHolder, RuleIds.StalledHolder }));
        Assert.That(stalled.Flags!.Select(f => f.Sentence), Is.EqualTo(new[]
        {
            "Test Store has not acknowledged the complaint within under a minute of receiving it.",
            "Test Store has not resolved the complaint within under a minute of receiving it.",
        }));
        Assert.That(complaint.Escalation?.Rule, Is.EqualTo(RuleIds.StalledHolder));
        Assert.That(complaint.Flags![0].Evidence, Is.EqualTo(new long[] { 1 }));
    }

    [Test]
    public async Task A_holder_that_acknowledges_in_time_misses_only_the_resolution_deadline()
    {
        // The clock stands still, so the acknowledgement lands in time however slow the machine is.
        var clock = new ShiftableClock(standsStill: true);
        await using var node = IsolatedNode.Start(runScheduler: true, clock: clock);
        var market = await node.CreateMarketplaceAsync();
        await UseDeadlinesOfAboutASecondAsync(market);
        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/acknowledgement", null);

        clock.Advance(TimeSpan.FromMinutes(1));
        await node.RunSchedulerPassAsync();

        var complaint = await ReadAsync(market, held.Id);
        Assert.That(complaint.Flags!.Select(f => f.Sentence), Is.EqualTo(new[] { "Acme Apps has not resolved the complaint within under a minute of receiving it." }));
    }

    /// <summary>First response due 0.5 s after a holder receives a complaint, resolution 1 s after.</summary>
    internal static async Task UseDeadlinesOfAboutASecondAsync(Marketplace market)
    {
        var policy = PolicyJson.Editable();
        foreach (var row in policy["stalledHolder"]!["deadlines"]!.AsArray())
        {
            row!["firstResponseHours"] = 0.5 / 3600;
            row["resolutionHours"] = 1.0 / 3600;
        }
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    private static Task<ComplaintView> ReadAsync(Marketplace market, Guid id) => market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");

    /// <summary>The warnings and deadlines due at <paramref name="at"/> on the node's schema, over every complaint.</summary>
    internal static async Task<int> DueDeadlinesAsync(IsolatedNode node, DateTimeOffset at)
    {
        await using var command = node.Host.Services.GetRequiredService<NpgsqlDataSource>()
            .CreateCommand($"select clocks::text from {node.Schema}.{DeadlineTable.Name}");
        await using var reader = await command.ExecuteReaderAsync();
        var due = 0;
        while (await reader.ReadAsync())
            due += DeadlineTable.Deserialize(reader.GetString(0)).DueAt(at).Count;
        return due;
    }
}
