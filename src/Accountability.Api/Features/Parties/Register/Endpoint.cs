using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Parties;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Parties.Register;

public sealed class Endpoint(IMediator mediator) : Endpoint<Request, Party>
{
    public override void Configure()
    {
        Post("parties");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Register a vendor",
            "Registers a vendor of this marketplace.",
            new Request("acme-apps", "Acme Apps")).Apply);
        Description(d => d.ClearDefaultProduces(200).Produces<Party>(201).ProducesProblems(400, 401, 403, 409, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var vendor = new Party(r.Id, PartyKind.Vendor, r.DisplayName);
        var party = await mediator.SendCommandAsync(new Command(vendor, IdempotencyKeys.Of(HttpContext, r)), HttpContext.Response, ct);
        HttpContext.Response.Headers.Location = $"/api/parties/{party.Id}";
        await Send.ResponseAsync(party, StatusCodes.Status201Created, ct);
    }
}
