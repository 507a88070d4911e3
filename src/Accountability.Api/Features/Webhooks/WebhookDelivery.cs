namespace Accountability.Api.Features.Webhooks;

/// <summary>Where a delivery stands: Pending (not yet delivered; it will be tried, or tried again, at nextAttemptAt), Delivered (the endpoint answered 2xx), DeadLetter (given up: retries ran out, an answer that is not retried such as a 4xx other than 429, or the endpoint was deleted).</summary>
public enum DeliveryStatus
{
    Pending,
    Delivered,
    DeadLetter,
}

/// <summary>One try at sending a delivery: when, what came back, how long it took.</summary>
/// <param name="At">When the attempt was made.</param>
/// <param name="StatusCode">The HTTP status the endpoint answered; null when none came back (refused, timed out, endpoint deleted).</param>
/// <param name="LatencyMs">How long the endpoint took to answer, in milliseconds.</param>
/// <param name="Error">Why the attempt failed; null when it succeeded.</param>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, long LatencyMs, string? Error);

/// <summary>
/// A webhook to send, written in the same transaction as the event it reports (the outbox), and kept outside
/// tenants so one dispatcher serves them all. Its id is the webhook-id every retry carries.
/// </summary>
public sealed record WebhookDelivery(
    string Id,
    string TenantId,
    string EndpointId,
    string PartyId,
    Guid ComplaintId,
    long ComplaintVersion,
    string EventType,
    string Payload,
    DeliveryStatus Status,
    int FailedAttempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt);
