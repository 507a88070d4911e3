using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Problems;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.ApiKeys.Create;

public sealed class Endpoint(IMediator mediator) : Endpoint<Request, CreatedApiKey>
{
    public override void Configure()
    {
        Post("api-keys");
        Roles(KeyClaims.Operator);
        Summary(s => s.Summary = "Issues an API key for the store (operator key) or a vendor (vendor key). The secret is shown once; a replay with the same Idempotency-Key returns the key without it.");
        Description(d => d.ClearDefaultProduces(200).Produces<CreatedApiKey>(201).ProducesProblems(400, 401, 403, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var command = new Command(User.TenantId(), r.PartyId, r.Name, RequestHeaders.IdempotencyOf(HttpContext, r));
        await Send.ResponseAsync(await mediator.Send(command, ct), StatusCodes.Status201Created, ct);
    }
}
