using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Webhooks.RotateSecret;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<EndpointWithSecret>
{
    public override void Configure()
    {
        Post("webhooks/{id}/secret-rotation");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Rotate a webhook endpoint's signing secret",
            "Issues a new signing secret, shown once; the old one keeps signing too for WebhookSecretGraceHours.").Apply);
        Description(d => d.ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<string>("id")!;
        await Send.OkAsync(await mediator.SendCommandAsync(new Command(id, User.Actor(), IdempotencyKeys.Of(HttpContext, id)), HttpContext.Response, ct), ct);
    }
}
