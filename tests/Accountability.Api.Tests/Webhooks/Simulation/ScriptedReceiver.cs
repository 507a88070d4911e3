using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Accountability.Api.Tests.Webhooks.Simulation;

/// <summary>
/// Receivers on loopback, one path per endpoint, answering on a seeded script: mostly 200, sometimes 500, 429 with a
/// Retry-After, 400, or no answer at all (a timeout), and 410 at one chosen request. It records every arrival in order,
/// and counts a violation whenever a request arrives while another for the same complaint at the same endpoint is open.
/// </summary>
public sealed class ScriptedReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Script script;
    private readonly object gate = new();
    private readonly Dictionary<string, Arrival> open = [];
    private readonly Dictionary<string, int> arrivalsPerEndpoint = [];
    private readonly Dictionary<string, int> triesPerDelivery = [];

    private ScriptedReceiver(WebApplication app, Script script) => (this.app, this.script) = (app, script);

    public List<Arrival> Arrivals { get; } = [];

    /// <summary>Requests that arrived while another for the same complaint and endpoint was still being answered.</summary>
    public List<(Arrival Open, Arrival Arrived)> Overlaps { get; } = [];

    public string UrlFor(string endpoint) => $"{app.Urls.First()}/hooks/{endpoint}";

    public static async Task<ScriptedReceiver> StartAsync(Script script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var receiver = new ScriptedReceiver(builder.Build(), script);
        receiver.app.MapPost("/hooks/{endpoint}", (string endpoint, HttpContext http) => receiver.AnswerAsync(endpoint, http));
        await receiver.app.StartAsync();
        return receiver;
    }

    private async Task AnswerAsync(string endpoint, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
        var (lane, version) = (body.GetProperty("lane").GetString()!, body.GetProperty("version").GetInt64());
        var id = http.Request.Headers["webhook-id"].ToString();
        Answer answer;
        lock (gate)
        {
            var nth = arrivalsPerEndpoint[endpoint] = arrivalsPerEndpoint.GetValueOrDefault(endpoint) + 1;
            var tries = triesPerDelivery[id] = triesPerDelivery.GetValueOrDefault(id) + 1;
            answer = endpoint == script.GoneEndpoint && nth == script.GoneAt ? Answer.Gone
                : endpoint == script.DownEndpoint && script.Clock.GetUtcNow() < script.DownUntil ? Answer.Unavailable
                : Scripted(id, version, tries);
            var arrival = new Arrival(Arrivals.Count, id, endpoint, lane, version, answer);
            Arrivals.Add(arrival);
            if (open.TryGetValue(lane, out var before))
                Overlaps.Add((before, arrival));
            // A request left unanswered is over for its sender at the sender's timeout, which this end cannot see.
            if (answer != Answer.Silent)
                open[lane] = arrival;
        }
        try
        {
            if (answer == Answer.Silent)
            {
                // No answer: the sender times out and closes the connection, which ends this request.
                await Task.Delay(Timeout.InfiniteTimeSpan, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }
            if (answer == Answer.TooMany)
                http.Response.Headers.RetryAfter = "90";
            http.Response.StatusCode = (int)answer;
        }
        finally
        {
            lock (gate)
                if (open.TryGetValue(lane, out var still) && still.DeliveryId == id)
                    open.Remove(lane);
        }
    }

    /// <summary>
    /// The answer to a delivery's nth request: a function of the seed, the delivery and n only. Silence (a timeout costs
    /// the sender real seconds) is kept to first requests of first versions, which go out together at the start.
    /// </summary>
    private Answer Scripted(string id, long version, int tries)
    {
        var roll = new Random(unchecked(script.Seed * 7919 + StableHash(id) * 31 + tries)).Next(100);
        return roll switch
        {
            < 5 when version == 1 && tries == 1 => Answer.Silent,
            < 70 => Answer.Ok,
            < 84 => Answer.ServerError,
            < 90 => Answer.TooMany,
            < 93 => Answer.BadRequest,
            _ => Answer.Unavailable,
        };
    }

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
            hash = unchecked(hash * 31 + c);
        return hash;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    public enum Answer
    {
        Silent = 0,
        Ok = 200,
        BadRequest = 400,
        Gone = 410,
        TooMany = 429,
        ServerError = 500,
        Unavailable = 503,
    }

    /// <param name="GoneEndpoint">The endpoint path that answers 410 Gone at its <paramref name="GoneAt"/>th request.</param>
    /// <param name="DownEndpoint">The endpoint path that answers 503 to everything until <paramref name="DownUntil"/> by <paramref name="Clock"/>.</param>
    public sealed record Script(int Seed, TimeProvider Clock, string? GoneEndpoint = null, int GoneAt = 20, string? DownEndpoint = null,
        DateTimeOffset DownUntil = default);

    public sealed record Arrival(int Seq, string DeliveryId, string Endpoint, string Lane, long Version, Answer Answer);
}
