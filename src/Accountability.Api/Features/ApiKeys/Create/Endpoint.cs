using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.ApiKeys.Create;

public sealed class Endpoint(IMediator mediator, ApiKeyStore keys) : Endpoint<Request, CreatedApiKey>
{
    public override void Configure()
    {
        Post("api-keys");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Issue an API key",
            "Issues an API key for the store (operator key) or a vendor (vendor key). The secret is shown once; a replay with the same Idempotency-Key returns the key without it.",
            new Request("acme-apps", "Acme integration")).Apply);
        Description(d => d.ClearDefaultProduces(200).Produces<CreatedApiKey>(201).ProducesProblems(400, 401, 403, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var command = new Command(User.TenantId(), r.PartyId, r.Name, IdempotencyKeys.Of(HttpContext, r));
        var created = await mediator.SendCommandAsync(command, HttpContext.Response, ct);
        // This node may remember the id as unknown (sent before the key existed): the new key works here at once.
        keys.Forget(created.Id);
        await Send.ResponseAsync(created, StatusCodes.Status201Created, ct);
    }
}
