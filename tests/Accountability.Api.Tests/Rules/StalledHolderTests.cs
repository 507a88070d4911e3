using System.Text.Json.Nodes;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Domain.Rules;

namespace Accountability.Api.Tests.Rules;

/// <summary>Deadlines fire on complaints nobody touches, survive a restart, and fire once.</summary>
[Category("slow")]
public sealed class StalledHolderTests
{
    [Test]
    public async Task A_deadline_scheduled_while_no_scheduler_runs_fires_once_after_a_restart()
    {
        var market = await Marketplace.CreateAsync();
        await UseDeadlinesOfAboutASecondAsync(market);
        var filed = await market.FileAsync();
        Assert.That(filed.Flags, Is.Empty);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.That((await ReadAsync(market, filed.Id)).Flags, Is.Empty, "the shared node runs no scheduler");

        var (first, _) = ServiceUnderTest.StartHost(runScheduler: true);
        var stalled = await WaitForFlagsAsync(market, filed.Id, count: 2);
        await first.DisposeAsync();
        var (second, _) = ServiceUnderTest.StartHost(runScheduler: true);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await second.DisposeAsync();

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
        var market = await Marketplace.CreateAsync();
        await UseDeadlinesOfAboutASecondAsync(market);
        var held = await market.FileHeldByAsync("acme");
        await market.Acme.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/acknowledgement", null);

        var (scheduler, _) = ServiceUnderTest.StartHost(runScheduler: true);
        try
        {
            var complaint = await WaitForFlagsAsync(market, held.Id, count: 1);
            await Task.Delay(TimeSpan.FromSeconds(2));
            complaint = await ReadAsync(market, held.Id);
            Assert.That(complaint.Flags!.Select(f => f.Sentence), Is.EqualTo(new[] { "Acme Apps has not resolved the complaint within under a minute of receiving it." }));
        }
        finally
        {
            await scheduler.DisposeAsync();
        }
    }

    /// <summary>First response due 0.5 s after a holder receives a complaint, resolution 1 s after.</summary>
    private static async Task UseDeadlinesOfAboutASecondAsync(Marketplace market)
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

    private static async Task<ComplaintView> WaitForFlagsAsync(Marketplace market, Guid id, int count)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var complaint = await ReadAsync(market, id);
            if (complaint.Flags!.Count >= count)
                return complaint;
            await Task.Delay(250);
        }
        Assert.Fail($"No {count} flags within 15 seconds");
        return null!;
    }
}
