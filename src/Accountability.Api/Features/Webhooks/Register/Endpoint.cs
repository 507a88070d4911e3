using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Webhooks.Register;

public sealed class Endpoint(IMediator mediator) : Endpoint<Request, EndpointWithSecret>
{
    public override void Configure()
    {
        Post("webhooks");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Register a webhook endpoint",
            "Registers a webhook endpoint and returns its signing secret (whsec_...), shown once.",
            new Request("https://hooks.acme.example/accountability", ["complaint.assigned", "complaint.flagged"], null)).Apply);
        Description(d => d.ClearDefaultProduces(200).Produces<EndpointWithSecret>(201).ProducesProblems(400, 401, 403, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var created = await mediator.SendCommandAsync(new Command(r, User.Actor(), IdempotencyKeys.Of(HttpContext, r)), HttpContext.Response, ct);
        HttpContext.Response.Headers.Location = $"/api/webhooks/{created.Endpoint.Id}";
        await Send.ResponseAsync(created, StatusCodes.Status201Created, ct);
    }
}
