using Accountability.Api.Commands;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Problems;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Webhooks.Redeliver;

public sealed record Command(string EndpointId, string DeliveryId, string TenantId, Actor Actor) : ICommand<DeliveryView>
{
    public Idempotency? Idempotency => null;
}

/// <summary>Puts a dead-lettered (or delivered) webhook back in line, with the same webhook-id and a fresh retry schedule.</summary>
public sealed class Handler(IDocumentSession session, TimeProvider clock) : MediatR.IRequestHandler<Command, DeliveryView>
{
    public async Task<DeliveryView> Handle(Command command, CancellationToken cancellationToken)
    {
        await WebhookEndpoint.LoadVisibleAsync(session, command.EndpointId, command.Actor, cancellationToken);
        if (await session.LoadAsync<WebhookDelivery>(command.DeliveryId, cancellationToken) is not { } delivery
            || delivery.EndpointId != command.EndpointId || delivery.TenantId != command.TenantId)
            throw new ProblemException(ProblemKind.NotFound, $"No delivery {command.DeliveryId} for this endpoint.");
        var again = delivery with { Status = DeliveryStatus.Pending, FailedAttempts = 0, NextAttemptAt = clock.GetUtcNow() };
        session.Store(again);
        return DeliveryView.Of(again);
    }
}
