using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Webhooks.Deliveries;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Webhooks.Redeliver;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<DeliveryView>
{
    public override void Configure()
    {
        Post("webhooks/{id}/deliveries/{deliveryId}/redelivery");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Send a delivery again",
            "Sends a delivery again, by hand, with the same webhook-id (for dead letters, typically).").Apply);
        Description(d => d.ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (id, deliveryId) = (Route<string>("id")!, Route<string>("deliveryId")!);
        var once = IdempotencyKeys.Of(HttpContext, $"{id}/{deliveryId}");
        await Send.OkAsync(await mediator.SendCommandAsync(new Command(id, deliveryId, User.TenantId(), User.Actor(), once), HttpContext.Response, ct), ct);
    }
}
