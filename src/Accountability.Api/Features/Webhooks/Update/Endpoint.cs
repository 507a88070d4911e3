using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Webhooks.Update;

public sealed class Endpoint(IMediator mediator) : Endpoint<Request, WebhookEndpointView>
{
    public override void Configure()
    {
        Put("webhooks/{id}");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Change a webhook endpoint",
            "Changes an endpoint's URL and event types, or disables and re-enables it.",
            new Request("https://hooks.acme.example/accountability", ["complaint.assigned"], true)).Apply);
        Description(d => d.ProducesProblems(400, 401, 404, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct) =>
        await Send.OkAsync(await mediator.SendCommandAsync(new Command(Route<string>("id")!, r, User.Actor(), IdempotencyKeys.Of(HttpContext, r)), HttpContext.Response, ct), ct);
}
