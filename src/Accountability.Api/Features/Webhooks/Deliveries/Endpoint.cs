using Accountability.Api.Auth;
using Accountability.Api.Problems;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Webhooks.Deliveries;

/// <summary>A delivery as its log shows it: what was sent, where it stands, and every attempt.</summary>
public sealed record DeliveryView(
    string Id, string EventType, Guid ComplaintId, long ComplaintVersion, DeliveryStatus Status, DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt, IReadOnlyList<DeliveryAttempt> Attempts)
{
    public static DeliveryView Of(WebhookDelivery d) => new(d.Id, d.EventType, d.ComplaintId, d.ComplaintVersion, d.Status, d.CreatedAt,
        d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.Attempts);
}

public sealed class Endpoint(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<DeliveryView>>
{
    public override void Configure()
    {
        Get("webhooks/{id}/deliveries");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(s => s.Summary = "The endpoint's delivery log, newest first (200 at most): each delivery with every attempt's time, status code, latency and error.");
        Description(d => d.ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var endpoint = await WebhookEndpoint.LoadVisibleAsync(session, Route<string>("id")!, User.Actor(), ct);
        var tenant = User.TenantId();
        var deliveries = await session.Query<WebhookDelivery>()
            .Where(d => d.EndpointId == endpoint.Id && d.TenantId == tenant)
            .OrderByDescending(d => d.CreatedAt).Take(200).ToListAsync(ct);
        await Send.OkAsync([.. deliveries.Select(DeliveryView.Of)], ct);
    }
}
