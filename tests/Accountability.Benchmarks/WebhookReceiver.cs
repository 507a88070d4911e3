using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Accountability.Benchmarks;

/// <summary>
/// A webhook receiver for bench/bench-webhooks.sh: answers 200 at once and records, per delivery, how long after the
/// event was committed it arrived (payload timestamp to receipt). Prints the figures when stdin closes or says "report".
/// </summary>
public static class WebhookReceiver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var port = args is ["--port", var p] ? int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) : 5099;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var latencies = new ConcurrentBag<double>();
        var ids = new ConcurrentDictionary<string, byte>();
        DateTimeOffset? first = null, last = null;
        app.MapPost("/hooks", async (HttpContext http) =>
        {
            var received = DateTimeOffset.UtcNow;
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var committed = body.RootElement.GetProperty("timestamp").GetDateTimeOffset();
            latencies.Add((received - committed).TotalMilliseconds);
            ids.TryAdd(http.Request.Headers["webhook-id"].ToString(), 0);
            first ??= received;
            last = received;
            return Results.Ok();
        });
        await app.StartAsync();
        Console.WriteLine($"receiving on http://127.0.0.1:{port}/hooks");
        while (Console.ReadLine() is { } line && line != "report") { }

        var sorted = latencies.Order().ToArray();
        double Percentile(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        var seconds = first is { } f && last is { } l ? (l - f).TotalSeconds : 0;
        Console.WriteLine($"deliveries {sorted.Length} (distinct ids {ids.Count}) in {seconds:F1} s = {sorted.Length / Math.Max(seconds, 1e-9):F0}/s; " +
            $"commit-to-delivery p50 {Percentile(0.50):F0} ms, p99 {Percentile(0.99):F0} ms, max {(sorted.Length == 0 ? 0 : sorted[^1]):F0} ms");
        await app.StopAsync();
        return 0;
    }
}
