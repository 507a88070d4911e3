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
        Summary(s => s.Summary = "Changes an endpoint's URL and event types, or disables and re-enables it.");
        Description(d => d.ProducesProblems(400, 401, 404, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct) =>
        await Send.OkAsync(await mediator.SendCommandAsync(new Command(Route<string>("id")!, r, User.Actor(), IdempotencyKeys.Of(HttpContext, r)), HttpContext.Response, ct), ct);
}
