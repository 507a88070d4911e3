using System.Collections.Concurrent;
using System.Diagnostics;
using Accountability.Api.Features.Deadlines;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Writes;

/// <summary>A write that starts a hold writes its clocks in one statement of the write's batch, whatever the number of clocks.</summary>
[Category("api")]
public sealed class DeadlineStatementsTests
{
    [Test]
    public async Task A_handoff_writes_the_new_holds_clocks_in_one_statement()
    {
        var market = await Marketplace.CreateAsync();
        var filed = await market.FileAsync();
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

        using var handoff = await market.Operator.PostAsync($"/api/complaints/{filed.Id}/handoffs", new { to = "acme", reason = "NeedsVendorFix" },
            h => h.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01"));
        Assert.That((int)handoff.StatusCode, Is.EqualTo(200), await handoff.Content.ReadAsStringAsync());

        var write = commands.Single(c => c.Contains("mt_quick_append_events"));
        var statements = write.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        TestContext.Out.WriteLine($"The handoff's write batch: {statements.Length} statements");
        foreach (var statement in statements)
            TestContext.Out.WriteLine($"  {statement[..Math.Min(90, statement.Length)].ReplaceLineEndings(" ")}");
        Assert.That(statements.Count(s => s.Contains(DeadlineTable.Name)), Is.EqualTo(1), "both deadlines and both warnings, one row");
    }
}
