using Accountability.Api.Commands;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Webhooks.Redeliver;

public sealed record Command(string EndpointId, string DeliveryId, string TenantId, Actor Actor, Idempotency? Idempotency) : ICommand<DeliveryView>;

/// <summary>Puts a dead-lettered (or delivered) webhook back in line, with the same webhook-id and a fresh retry schedule.</summary>
public sealed class Handler(IDocumentSession session, DeliveryTable deliveries, TimeProvider clock) : ICommandHandler<Command, DeliveryView>
{
    public async Task<Replayable<DeliveryView>> Handle(Command command, CancellationToken cancellationToken)
    {
        await WebhookEndpoint.LoadVisibleAsync(session, command.EndpointId, command.Actor, cancellationToken);
        var delivery = await deliveries.FindAsync(command.TenantId, command.EndpointId, command.DeliveryId, cancellationToken)
            ?? throw new ProblemException(ProblemKind.NotFound, $"No delivery {command.DeliveryId} for this endpoint.");
        var again = delivery with { Status = DeliveryStatus.Pending, FailedAttempts = 0, NextAttemptAt = clock.GetUtcNow() };
        DeliveryTable.Update(session, again);
        DeliveryTable.NotifyOnCommit(session);
        return DeliveryView.Of(again, []);
    }
}
