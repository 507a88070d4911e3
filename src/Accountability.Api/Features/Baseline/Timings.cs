#if BENCHMARK
using System.Collections.Concurrent;
using System.Diagnostics;
using FastEndpoints;

namespace Accountability.Api.Features.Baseline;

/// <summary>
/// Where a write's time goes, compiled only with -p:Benchmark=true: every database command's wall time (Npgsql's own
/// activities) summed by the kind of statement, and the requests' time on the server. POST resets and starts; GET reads.
/// </summary>
public sealed class Timings : EndpointWithoutRequest
{
    private static readonly ConcurrentDictionary<string, (long Count, double Ms)> Totals = new();
    private static ActivityListener? listener;

    public override void Configure()
    {
        Verbs(FastEndpoints.Http.GET, FastEndpoints.Http.POST);
        Routes("baseline/timings");
        AllowAnonymous();
        Description(d => d.ExcludeFromDescription());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        if (HttpContext.Request.Method == "POST")
        {
            Start();
            Totals.Clear();
            await Send.NoContentAsync(ct);
            return;
        }
        await Send.OkAsync(Totals.OrderByDescending(t => t.Value.Ms).Select(t => new
        {
            step = t.Key, count = t.Value.Count, totalMs = Math.Round(t.Value.Ms), meanMs = Math.Round(t.Value.Ms / t.Value.Count, 3),
        }), ct);
    }

    private static void Start()
    {
        if (listener is not null)
            return;
        listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => Add(KindOf(a), a.Duration.TotalMilliseconds),
        };
        ActivitySource.AddActivityListener(listener);
    }

    private static string KindOf(Activity a)
    {
        if (a.Source.Name == "Microsoft.AspNetCore")
            return "request (server side, whole)";
        var text = (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement"))?.ToString() ?? a.DisplayName;
        var statements = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var first = string.Join(" ", statements.FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(4) ?? []);
        return $"db: {a.DisplayName} [{statements.Length} statements, first: {first}]";
    }

    private static void Add(string kind, double ms) => Totals.AddOrUpdate(kind, (1, ms), (_, t) => (t.Count + 1, t.Ms + ms));
}
#endif
