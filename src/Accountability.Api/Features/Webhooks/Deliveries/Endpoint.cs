using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Webhooks.Deliveries;

/// <summary>A delivery as its log shows it: what was sent, where it stands, and every attempt.</summary>
/// <param name="Id">The delivery's id: the webhook-id header every attempt carries.</param>
/// <param name="EventType">The webhook's event type, such as complaint.handed_off.</param>
/// <param name="ComplaintId">The complaint it reports on (for a problem's webhook, the problem's id).</param>
/// <param name="ComplaintVersion">The complaint's (or problem's) version it reports.</param>
/// <param name="CreatedAt">When the delivery was written, with the event it reports.</param>
/// <param name="NextAttemptAt">When the next attempt is due, while Pending; null otherwise.</param>
/// <param name="Attempts">Its latest 20 attempts.</param>
public sealed record DeliveryView(
    string Id, string EventType, Guid ComplaintId, long ComplaintVersion, DeliveryStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, IReadOnlyList<DeliveryAttempt> Attempts)
{
    public static DeliveryView Of(WebhookDelivery d, IReadOnlyList<DeliveryAttempt> attempts) => new(d.Id, d.EventType, d.ComplaintId,
        d.ComplaintVersion, d.Status, d.CreatedAt, d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, attempts);
}

public sealed class Endpoint(IQuerySession session, DeliveryTable deliveries) : EndpointWithoutRequest<IReadOnlyList<DeliveryView>>
{
    public override void Configure()
    {
        Get("webhooks/{id}/deliveries");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read a webhook endpoint's deliveries",
            "The endpoint's delivery log, newest first (200 at most): each delivery with its latest 20 attempts' time, status code, latency and error.").Apply);
        Description(d => d.ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var endpoint = await WebhookEndpoint.LoadVisibleAsync(session, Route<string>("id")!, User.Actor(), ct);
        var log = await deliveries.LogAsync(User.TenantId(), endpoint.Id, 200, ct);
        await Send.OkAsync([.. log.Select(d => DeliveryView.Of(d.Delivery, d.Attempts))], ct);
    }
}
