using System.Collections.Concurrent;
using System.Diagnostics;

namespace Accountability.Api.Tests.Infrastructure;

/// <summary>Every database command one handoff sent, as Npgsql's activities name them, traced by the request's own trace id.</summary>
public static class HandoffCommands
{
    public static async Task<IReadOnlyList<string>> OfAsync(Marketplace market, Guid complaintId)
    {
        var trace = ActivityTraceId.CreateRandom();
        var commands = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.TraceId == trace && a.Source.Name == "Npgsql")
                    commands.Add((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement"))?.ToString() ?? "");
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var handoff = await market.Operator.PostAsync($"/api/complaints/{complaintId}/handoffs", new { to = "acme", reason = "NeedsVendorFix" },
            h => h.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01"));
        Assert.That((int)handoff.StatusCode, Is.EqualTo(200), await handoff.Content.ReadAsStringAsync());
        return [.. commands];
    }

    /// <summary>The statements of the write's batch (the one that appends the events).</summary>
    public static string[] WriteBatch(IReadOnlyList<string> commands) =>
        commands.Single(c => c.Contains("mt_quick_append_events")).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
