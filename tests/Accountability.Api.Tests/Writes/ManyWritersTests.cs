using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Writes;

/// <summary>
/// Hundreds of writers at once, each reading the complaint and handing it on with If-Match until its handoff lands:
/// every landed handoff is in the stream once, each starts where the one before it ended, and nothing fails or hangs.
/// </summary>
[Category("slow")]
public sealed class ManyWritersTests
{
    [Test]
    public async Task Three_hundred_writers_at_one_version_leave_exactly_one_handoff()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => market.Operator.PostAsync(
            $"/api/complaints/{filed.Id}/handoffs", new { to = i % 2 == 0 ? "acme" : "photon", reason = "NeedsVendorFix" },
            h => h.IfMatch.ParseAdd("\"1\""))));

        var statuses = responses.Select(r => (int)r.StatusCode).ToList();
        foreach (var r in responses) r.Dispose();
        Assert.That(statuses.Count(s => s == 200), Is.EqualTo(1));
        Assert.That(statuses.Where(s => s != 200), Has.All.AnyOf(409, 412));
        Assert.That((await market.TimelineAsync(filed.Id)).Select(e => e.Version), Is.EqualTo(new long[] { 1, 2 }));
    }

    [Test]
    public async Task Forty_writers_retrying_on_one_complaint_all_land_and_lose_no_update()
    {
        var market = await Marketplace.CreateAsync();
        await WithoutEscalationAsync(market);
        var filed = await market.FileAsync();

        var outcome = await RunWritersAsync(market, Enumerable.Repeat(filed.Id, 40));

        Assert.That(outcome.Unexpected, Is.Empty, "answers other than 200, 409 and 412");
        await AssertHandoffChainAsync(market, filed.Id, expected: 40);
    }

    [Test]
    public async Task Three_hundred_writers_across_thirty_complaints_all_land_and_lose_no_update()
    {
        var market = await Marketplace.CreateAsync();
        await WithoutEscalationAsync(market);
        var complaints = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => market.FileAsync()));

        var outcome = await RunWritersAsync(market, Enumerable.Range(0, 300).Select(i => complaints[i % 30].Id));

        Assert.That(outcome.Unexpected, Is.Empty, "answers other than 200, 409 and 412");
        foreach (var complaint in complaints)
            await AssertHandoffChainAsync(market, complaint.Id, expected: 10);
    }

    private const int BackOffBaseMs = 10;
    private const int BackOffCapMs = 400;

    private sealed record Outcome(IReadOnlyCollection<string> Unexpected, int Attempts);

    /// <summary>
    /// One writer per id, all started at once; each retries on 409/412 until its one handoff lands, backing off as a
    /// well-behaved client does (capped exponential, full jitter), so that the run spends its time on writes that can
    /// land rather than on thousands of doomed ones.
    /// </summary>
    private static async Task<Outcome> RunWritersAsync(Marketplace market, IEnumerable<Guid> writers)
    {
        var unexpected = new ConcurrentBag<string>();
        var attempts = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await Task.WhenAll(writers.Select(id => Task.Run(async () =>
        {
            for (var attempt = 0; !timeout.IsCancellationRequested; attempt++)
            {
                if (attempt > 0)
                    await Task.Delay(Random.Shared.Next(Math.Min(BackOffCapMs, BackOffBaseMs << Math.Min(attempt, 10))));
                Interlocked.Increment(ref attempts);
                var current = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
                var (holder, to) = current.Holder.Id == "store" ? (market.Operator, "acme") : (market.Acme, "store");
                using var response = await holder.PostAsync($"/api/complaints/{id}/handoffs", new { to, reason = "NeedsVendorFix" },
                    h => h.IfMatch.ParseAdd($"\"{current.Version}\""));
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
                if ((int)response.StatusCode is not (409 or 412))
                    unexpected.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            unexpected.Add("a writer was still retrying after 3 minutes");
        })));
        TestContext.Out.WriteLine($"{attempts} attempts");
        return new Outcome(unexpected, attempts);
    }

    /// <summary>The stream runs 1..N with no gap, holds the expected handoffs once each, and each starts where the last ended.</summary>
    private static async Task AssertHandoffChainAsync(Marketplace market, Guid id, int expected)
    {
        var timeline = await market.TimelineAsync(id);
        Assert.That(timeline.Select(e => e.Version), Is.EqualTo(Enumerable.Range(1, timeline.Count).Select(v => (long)v)));
        Assert.That(timeline.Select(e => e.Id).Distinct().Count(), Is.EqualTo(timeline.Count));
        var handoffs = timeline.Where(e => e.Type == "complaint_handed_off")
            .Select(e => (JsonElement)e.Data)
            .Select(d => (From: d.GetProperty("from").GetString(), To: d.GetProperty("to").GetString()))
            .ToList();
        Assert.That(handoffs, Has.Count.EqualTo(expected));
        Assert.That(handoffs[0].From, Is.EqualTo("store"));
        for (var i = 1; i < handoffs.Count; i++)
            Assert.That(handoffs[i].From, Is.EqualTo(handoffs[i - 1].To), $"handoff {i + 1} did not start where handoff {i} ended");
        var view = await market.Operator.GetJsonAsync<ComplaintView>($"/api/complaints/{id}");
        Assert.That(view.HandoffCount, Is.EqualTo(expected));
        Assert.That(view.Version, Is.EqualTo(timeline.Count));
    }

    /// <summary>Ping-pong flags still fire, but an escalated complaint refuses vendor handoffs, which would end the back and forth.</summary>
    private static async Task WithoutEscalationAsync(Marketplace market)
    {
        var policy = PolicyJson.Editable();
        foreach (var (_, rule) in policy)
            if (rule is System.Text.Json.Nodes.JsonObject settings && settings.ContainsKey("escalates"))
                settings["escalates"] = false;
        using var response = await market.Operator.PutAsync("/api/policy", policy);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }
}
