using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>A vendor's webhook receiver: a real Kestrel app on loopback that records what arrives and answers as scripted.</summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, TimeSpan Delay)> script = new();

    private int inFlight;
    private int mostAtOnce;

    private Receiver(WebApplication app) => this.app = app;

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>The most requests this receiver was answering at the same moment.</summary>
    public int MostAtOnce => Volatile.Read(ref mostAtOnce);

    public string Url => $"{app.Urls.First()}/hooks";

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = new Receiver(builder.Build());
        receiver.app.MapPost("/hooks", async (HttpContext http) =>
        {
            var now = Interlocked.Increment(ref receiver.inFlight);
            InterlockedMax(ref receiver.mostAtOnce, now);
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var (status, retryAfter, delay) = receiver.script.TryDequeue(out var scripted) ? scripted : (200, null, TimeSpan.Zero);
            receiver.Requests.Enqueue(new Received(http.Request.Headers["webhook-id"]!, http.Request.Headers["webhook-timestamp"]!,
                http.Request.Headers["webhook-signature"]!, body, status, DateTimeOffset.UtcNow));
            await Task.Delay(delay);
            if (retryAfter is not null)
                http.Response.Headers.RetryAfter = retryAfter;
            http.Response.StatusCode = status;
            Interlocked.Decrement(ref receiver.inFlight);
        });
        await receiver.app.StartAsync();
        return receiver;
    }

    /// <summary>The next requests get these answers, in order; then 200.</summary>
    public void AnswerNext(int status, string? retryAfter = null, TimeSpan delay = default) => script.Enqueue((status, retryAfter, delay));

    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (Requests.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.That(Requests, Has.Count.GreaterThanOrEqualTo(count), $"expected {count} webhook requests");
        return [.. Requests];
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
                return;
    }

    public sealed record Received(string Id, string Timestamp, string Signature, string Body, int AnsweredWith, DateTimeOffset At);
}
