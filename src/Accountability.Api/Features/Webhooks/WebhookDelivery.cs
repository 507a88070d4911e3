namespace Accountability.Api.Features.Webhooks;

public enum DeliveryStatus
{
    Pending,
    Delivered,
    DeadLetter,
}

/// <summary>One try at sending a delivery: when, what came back, how long it took.</summary>
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
