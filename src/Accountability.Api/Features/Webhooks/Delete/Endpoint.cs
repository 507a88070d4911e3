using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Webhooks.Delete;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Delete("webhooks/{id}");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Delete a webhook endpoint",
            "Deletes an endpoint: nothing more is sent to it.").Apply);
        Description(d => d.Produces(204).ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        await mediator.SendCommandAsync(new Command(Route<string>("id")!, User.Actor()), HttpContext.Response, ct);
        await Send.NoContentAsync(ct);
    }
}
