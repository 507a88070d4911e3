using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Accountability.Api.Setup;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// Sends what the outbox holds: at least once, in order per complaint and endpoint (a delivery waits while an
/// earlier one for the same complaint is pending), retrying on the documented schedule, never letting one slow
/// endpoint hold up the others (timeouts, a few connections per endpoint at most).
/// </summary>
public sealed class WebhookDispatcher(
    IDocumentStore store, IHttpClientFactory clients, TimeProvider clock, IOptions<AccountabilityOptions> options, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const string ClientName = "webhooks";
    private const int PerEndpoint = 8;

    /// <summary>Wait after the 1st, 2nd, ... failure; after the last, the delivery goes to the dead letters (about 47 hours in all).</summary>
    public static readonly TimeSpan[] Schedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(3), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24),
    ];

    private readonly ConcurrentDictionary<string, SemaphoreSlim> perEndpoint = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunWebhooks)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            try
            {
                sent = await DispatchDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Dispatching webhooks failed; trying again shortly");
            }
            if (sent == 0)
                await Task.Delay(TimeSpan.FromSeconds(options.Value.WebhookPollSeconds), stoppingToken);
        }
    }

    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        List<WebhookDelivery> ready;
        await using (var query = store.QuerySession())
        {
            var due = await query.Query<WebhookDelivery>()
                .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now).OrderBy(d => d.NextAttemptAt).Take(500).ToListAsync(ct);
            if (due.Count == 0)
                return 0;
            var complaints = due.Select(d => d.ComplaintId).Distinct().ToArray();
            var pending = await query.Query<WebhookDelivery>()
                .Where(d => d.Status == DeliveryStatus.Pending && complaints.Contains(d.ComplaintId))
                .Select(d => new InLine(d.Id, d.EndpointId, d.ComplaintId, d.ComplaintVersion, d.CreatedAt)).ToListAsync(ct);
            var firstInLine = pending.GroupBy(d => (d.EndpointId, d.ComplaintId))
                .Select(g => g.OrderBy(d => d.ComplaintVersion).ThenBy(d => d.CreatedAt).First().Id).ToHashSet();
            ready = [.. due.Where(d => firstInLine.Contains(d.Id))];
        }
        foreach (var tenant in ready.GroupBy(d => d.TenantId))
            await DispatchAsync(tenant.Key, [.. tenant], ct);
        return ready.Count;
    }

    /// <summary>Sends one tenant's ready deliveries concurrently, then records every outcome in one transaction.</summary>
    private async Task DispatchAsync(string tenantId, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        var loaded = (await session.LoadManyAsync<WebhookEndpoint>(ct, deliveries.Select(d => d.EndpointId).Distinct())).ToDictionary(e => e.Id);
        var endpoints = new Dictionary<string, WebhookEndpoint>(loaded);
        var attempts = new ConcurrentBag<(WebhookDelivery Delivery, DeliveryAttempt Attempt, TimeSpan? RetryAfter)>();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = ct }, async (delivery, token) =>
        {
            if (!endpoints.TryGetValue(delivery.EndpointId, out var endpoint) || !endpoint.Enabled)
                return;
            var gate = perEndpoint.GetOrAdd(delivery.EndpointId, _ => new SemaphoreSlim(PerEndpoint));
            await gate.WaitAsync(token);
            try
            {
                var at = clock.GetUtcNow();
                var (status, error, retryAfter, latency) = await SendAsync(endpoint, delivery, at, token);
                attempts.Add((delivery, new DeliveryAttempt(at, status, latency, error), retryAfter));
            }
            finally
            {
                gate.Release();
            }
        });

        var now = clock.GetUtcNow();
        foreach (var delivery in deliveries.Where(d => !endpoints.ContainsKey(d.EndpointId)))
            session.Store(delivery.Record(new DeliveryAttempt(now, null, 0, "The endpoint was deleted.")) with { Status = DeliveryStatus.DeadLetter });
        foreach (var delivery in deliveries.Where(d => endpoints.TryGetValue(d.EndpointId, out var e) && !e.Enabled))
            session.Store(delivery with { NextAttemptAt = now.AddMinutes(1) });
        foreach (var (delivery, attempt, retryAfter) in attempts.OrderBy(a => a.Attempt.At))
        {
            var (next, endpoint) = Outcome(delivery.Record(attempt), endpoints[delivery.EndpointId], attempt.StatusCode, retryAfter, attempt.At);
            endpoints[delivery.EndpointId] = endpoint;
            session.Store(next);
        }
        // Only endpoints whose health changed are written, so an owner's concurrent edit is not overwritten for nothing.
        var changed = endpoints.Values.Where(e => loaded[e.Id] is var before
            && (before.Enabled, before.DisabledReason, before.FailingSince) != (e.Enabled, e.DisabledReason, e.FailingSince)).ToArray();
        if (changed.Length > 0)
            session.Store(changed);
        await session.SaveChangesAsync(ct);
    }

    private async Task<(int? Status, string? Error, TimeSpan? RetryAfter, long LatencyMs)> SendAsync(
        WebhookEndpoint endpoint, WebhookDelivery delivery, DateTimeOffset now, CancellationToken ct)
    {
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.Id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Header(endpoint.SigningSecrets(now).Select(s => s.Value), delivery.Id, timestamp, delivery.Payload));
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var status = (int)response.StatusCode;
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - now,
                _ => (TimeSpan?)null,
            };
            return (status, status is >= 200 and < 300 ? null : $"HTTP {status} {response.ReasonPhrase}", retryAfter, watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            var error = ex is TaskCanceledException ? "Timed out." : ex.Message;
            return (null, error, null, watch.ElapsedMilliseconds);
        }
    }

    /// <summary>What an attempt's answer means for the delivery and for the endpoint.</summary>
    private (WebhookDelivery Delivery, WebhookEndpoint Endpoint) Outcome(
        WebhookDelivery delivery, WebhookEndpoint endpoint, int? status, TimeSpan? retryAfter, DateTimeOffset now)
    {
        if (status is >= 200 and < 300)
            return (delivery with { Status = DeliveryStatus.Delivered }, endpoint with { FailingSince = null });
        if (status == (int)HttpStatusCode.Gone)
            return (delivery with { Status = DeliveryStatus.DeadLetter },
                endpoint with { Enabled = false, DisabledReason = $"It answered 410 Gone on {now:u}." });

        var failingSince = endpoint.FailingSince ?? now;
        var failing = endpoint with { FailingSince = failingSince };
        if (now - failingSince > TimeSpan.FromHours(options.Value.WebhookDisableAfterHours))
            failing = failing with { Enabled = false, DisabledReason = $"Failing since {failingSince:u}; last error: {delivery.Attempts[^1].Error}" };

        var retryable = status is null or 429 or >= 500;
        var failures = delivery.FailedAttempts + 1;
        if (!retryable || failures > Schedule.Length)
            return (delivery with { Status = DeliveryStatus.DeadLetter, FailedAttempts = failures }, failing);
        var wait = status == 429 && retryAfter is { } asked && asked > TimeSpan.Zero ? asked : Jittered(Schedule[failures - 1]);
        return (delivery with { FailedAttempts = failures, NextAttemptAt = now + wait }, failing);
    }

    /// <summary>Just what ordering needs of a pending delivery, not its payload.</summary>
    private sealed record InLine(string Id, string EndpointId, Guid ComplaintId, long ComplaintVersion, DateTimeOffset CreatedAt);

    private static TimeSpan Jittered(TimeSpan wait) => wait * (0.8 + Random.Shared.NextDouble() * 0.4);
}
