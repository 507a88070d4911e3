using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading.Channels;
using Accountability.Api.Background;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Persistence;
using Accountability.Domain.Webhooks;
using Marten.Patching;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// Sends what the outbox holds, as a pipeline: claim due deliveries (first in line for their complaint at their endpoint),
/// send each at once within its endpoint's limit, record outcomes in batches. At least once, in order per complaint and
/// endpoint, retried on the documented schedule; a slow endpoint holds only its own few slots, never the others'.
/// </summary>
public sealed class WebhookDispatcher(
    IDocumentStore store, DeliveryTable table, TenantDatabases databases, IHttpClientFactory clients, TimeProvider clock, IOptions<WebhookOptions> options,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string ClientName = "webhooks";
    /// <summary>The most requests in flight to one endpoint at a time.</summary>
    public const int PerEndpoint = 8;
    private const int ClaimedPerEndpoint = PerEndpoint * 8;
    private const int ClaimedAtOnce = 1000;
    private const int InFlightLimit = 4096;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new();
    private readonly ConcurrentDictionary<string, int> claimedPerEndpoint = new();
    private readonly ConcurrentDictionary<string, EndpointHealth> lastWritten = new();
    private readonly Channel<Sent> sent = Channel.CreateUnbounded<Sent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly PassRequests passes = new();
    private int inFlight;

    private WebhookOptions Settings => options.Value;

    private TimeSpan Timeout => TimeSpan.FromSeconds(Settings.WebhookTimeoutSeconds);

    /// <summary>How much longer than a send a claim lasts: half for waiting for the endpoint's turn, half for recording.</summary>
    private TimeSpan Margin => TimeSpan.FromSeconds(Settings.WebhookClaimMarginSeconds);

    /// <summary>A claim outlives the longest send, so only a node that died (or stalled) lets another take its deliveries.</summary>
    private TimeSpan Lease => Timeout + Margin;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.RunWebhooks)
            return;
        await Task.WhenAll(ClaimLoopAsync(stoppingToken), RecordLoopAsync(stoppingToken), ListenLoopAsync(stoppingToken));
    }

    /// <summary>
    /// Wakes the dispatcher; completes when a pass that began after this call has claimed what was due and each delivery
    /// it claimed has had its attempt (the outcomes are recorded just after).
    /// </summary>
    public Task RunPassNowAsync()
    {
        if (!Settings.RunWebhooks)
            return Task.FromException(new InvalidOperationException("This node sends no webhooks."));
        var done = passes.RequestAsync();
        Wake();
        return done;
    }

    private async Task ClaimLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var requests = passes.Take();
            var full = false;
            try
            {
                var room = Math.Min(ClaimedAtOnce, InFlightLimit - Volatile.Read(ref inFlight));
                var sends = room > 0 ? await ClaimAndSendAsync(room, ct) : [];
                full = room > 0 && sends.Count == room;
                _ = Task.WhenAll(sends).ContinueWith(_ => PassRequests.Answer(requests), TaskScheduler.Default);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Claiming webhooks failed; trying again shortly");
                PassRequests.Answer(requests, ex);
            }
            if (!full)
                await WaitForWakeAsync(TimeSpan.FromSeconds(Settings.WebhookPollSeconds), ct);
        }
    }

    /// <summary>Claims up to <paramref name="room"/> due deliveries and starts sending each; returns the sends.</summary>
    private async Task<IReadOnlyList<Task>> ClaimAndSendAsync(int room, CancellationToken ct)
    {
        var saturated = claimedPerEndpoint.Where(e => e.Value >= ClaimedPerEndpoint).Select(e => e.Key).ToArray();
        var (claim, claimed) = await table.ClaimAsync(clock.GetUtcNow(), Lease, room, ClaimedPerEndpoint, saturated, ct);
        var claimedAt = Stopwatch.GetTimestamp();
        var sends = new List<Task>(claimed.Count);
        foreach (var tenant in claimed.GroupBy(d => d.TenantId))
        {
            await using var query = store.QuerySession(tenant.Key);
            var endpoints = (await query.LoadManyAsync<WebhookEndpoint>(ct, tenant.Select(d => d.EndpointId).Distinct())).ToDictionary(e => e.Id);
            foreach (var delivery in tenant)
            {
                Interlocked.Increment(ref inFlight);
                claimedPerEndpoint.AddOrUpdate(delivery.EndpointId, 1, (_, n) => n + 1);
                sends.Add(SendAsync(new Claimed(delivery, claim, claimedAt), endpoints.GetValueOrDefault(delivery.EndpointId), ct));
            }
        }
        return sends;
    }

    private async Task SendAsync(Claimed claimed, WebhookEndpoint? endpoint, CancellationToken ct)
    {
        if (endpoint is null || !endpoint.Enabled)
        {
            sent.Writer.TryWrite(new Sent(claimed, endpoint, null));
            return;
        }
        var gate = gates.GetOrAdd(endpoint.Id, _ => new SemaphoreSlim(PerEndpoint));
        try
        {
            await gate.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            // Measured on this node's monotonic clock: a claim that might lapse before its outcome is recorded is given
            // back unsent, or another node could send the same delivery, and the next one after it, before this one lands.
            // Half the margin is for waiting here, half for recording.
            if (Stopwatch.GetElapsedTime(claimed.At) > Margin / 2)
            {
                sent.Writer.TryWrite(new Sent(claimed, endpoint, null));
                return;
            }
            var at = clock.GetUtcNow();
            var (status, error, retryAfter, latency) = await PostAsync(endpoint, claimed.Delivery, at, ct);
            sent.Writer.TryWrite(new Sent(claimed, endpoint, new DeliveryAttempt(at, status, latency, error), retryAfter));
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            sent.Writer.TryWrite(new Sent(claimed, endpoint, new DeliveryAttempt(clock.GetUtcNow(), null, 0, ex.Message)));
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RecordLoopAsync(CancellationToken ct)
    {
        var batch = new List<Sent>();
        try
        {
            while (await sent.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < 500 && sent.Reader.TryRead(out var item))
                    batch.Add(item);
                try
                {
                    await RecordAsync(batch, ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    // The claims lapse and the deliveries are sent again: at least once.
                    logger.LogWarning(ex, "Recording {Count} webhook attempts failed; they will be retried", batch.Count);
                }
                foreach (var item in batch)
                {
                    Interlocked.Decrement(ref inFlight);
                    claimedPerEndpoint.AddOrUpdate(item.Claimed.Delivery.EndpointId, 0, (_, n) => n - 1);
                }
                batch.Clear();
                Wake();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// Records a batch of outcomes, and endpoints' health where it changed, in one transaction; with a database per group
    /// of tenants, in one transaction per tenant, each in the tenant's database (decision 0049).
    /// </summary>
    private async Task RecordAsync(IReadOnlyList<Sent> batch, CancellationToken ct)
    {
        if (!databases.AreGrouped)
            await RecordAsync(store.LightweightSession(), batch, ct);
        else
            foreach (var tenant in batch.GroupBy(s => s.Claimed.Delivery.TenantId))
                await RecordAsync(store.LightweightSession(tenant.Key), [.. tenant], ct);
    }

    private async Task RecordAsync(IDocumentSession opened, IReadOnlyList<Sent> batch, CancellationToken ct)
    {
        await using var session = opened;
        var now = clock.GetUtcNow();
        var disableAfter = TimeSpan.FromHours(Settings.WebhookDisableAfterHours);
        var health = new Dictionary<string, (string Tenant, EndpointHealth Health)>();
        foreach (var (claimed, endpoint, attempt, retryAfter) in batch.OrderBy(s => s.Attempt?.At))
        {
            var delivery = claimed.Delivery;
            if (endpoint is null)
                DeliveryTable.RecordAttempt(session, delivery with { Status = DeliveryStatus.DeadLetter },
                    new DeliveryAttempt(now, null, 0, "The endpoint was deleted."), claimed.Claim);
            else if (attempt is null)
                DeliveryTable.Release(session, delivery.Id, claimed.Claim);
            else
            {
                var before = health.TryGetValue(endpoint.Id, out var known) ? known.Health : HealthOf(endpoint);
                var (verdict, after) = DeliveryPolicy.Judge(delivery.FailedAttempts, before,
                    new AttemptAnswer(attempt.At, attempt.StatusCode, attempt.Error, retryAfter), disableAfter, Random.Shared.NextDouble());
                health[endpoint.Id] = (delivery.TenantId, after);
                var next = After(delivery, verdict);
                DeliveryTable.RecordAttempt(session, next, attempt, claimed.Claim);
                Telemetry.ProductMetrics.WebhookAttempt(MetricOutcome(next.Status));
            }
        }
        var endpoints = batch.Where(s => s.Endpoint is not null).Select(s => s.Endpoint!).DistinctBy(e => e.Id).ToDictionary(e => e.Id);
        var changed = health.Where(h => h.Value.Health != HealthOf(endpoints[h.Key])
            || (lastWritten.TryGetValue(h.Key, out var written) && written != h.Value.Health)).ToArray();
        foreach (var (id, (tenant, h)) in changed)
            WriteHealth(tenant == session.TenantId ? session : session.ForTenant(tenant), id, h);
        foreach (var tenant in changed.Select(c => c.Value.Tenant).Distinct())
            ContextVersions.Raise(session, tenant, ContextPart.Endpoints);
        await session.SaveChangesAsync(ct);
        foreach (var (id, (_, h)) in changed)
            lastWritten[id] = h;
    }

    /// <summary>
    /// Writes only the health fields, and only while the endpoint is enabled: the dispatcher never re-enables an endpoint,
    /// and an owner's pause (or edit) made since the claim is never overwritten by a health read before it.
    /// </summary>
    private static void WriteHealth(IDocumentOperations tenant, string id, EndpointHealth h)
    {
        var patch = tenant.Patch<WebhookEndpoint>(e => e.Id == id && e.Enabled).Set(e => e.FailingSince, h.FailingSince);
        if (!h.Enabled)
            patch.Set(e => e.Enabled, false).Set(e => e.DisabledReason, h.DisabledReason);
    }

    private static WebhookDelivery After(WebhookDelivery delivery, DeliveryVerdict verdict) => verdict switch
    {
        DeliveryVerdict.Delivered => delivery with { Status = DeliveryStatus.Delivered },
        DeliveryVerdict.RetryAt retry => delivery with { FailedAttempts = retry.FailedAttempts, NextAttemptAt = retry.At },
        _ => delivery with { Status = DeliveryStatus.DeadLetter, FailedAttempts = verdict.FailedAttempts },
    };

    private static EndpointHealth HealthOf(WebhookEndpoint e) => new(e.Enabled, e.DisabledReason, e.FailingSince);

    private async Task<(int? Status, string? Error, TimeSpan? RetryAfter, long LatencyMs)> PostAsync(
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

    /// <summary>Listens for commits that enqueue deliveries, on any node; polling covers the gaps while it reconnects.</summary>
    private async Task ListenLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await table.ListenAsync(async (connection, listening) =>
                {
                    connection.Notification += (_, _) => Wake();
                    while (!listening.IsCancellationRequested)
                        await connection.WaitAsync(listening);
                }, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Listening for new webhooks failed; polling until it reconnects");
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private void Wake() => wake.Writer.TryWrite(true);

    private async Task WaitForWakeAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A delivery this node claimed, under which claim token, and when (this node's monotonic timestamp).</summary>
    private sealed record Claimed(WebhookDelivery Delivery, string Claim, long At);

    /// <summary>A claimed delivery after its turn: no attempt when its endpoint was deleted or disabled meanwhile, or its claim grew too old.</summary>
    private sealed record Sent(Claimed Claimed, WebhookEndpoint? Endpoint, DeliveryAttempt? Attempt, TimeSpan? RetryAfter = null);

    private static string MetricOutcome(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.DeadLetter => "dead_letter",
        _ => "retrying",
    };
}
