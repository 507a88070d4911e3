using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Tenants.Create;

public sealed class Endpoint(IMediator mediator, ApiKeyStore keys) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("admin/tenants");
        Roles(KeyClaims.Admin);
        Summary(new OperationText("Create a marketplace",
            "Creates a marketplace (tenant) with its store party and first operator key. Needs the X-Admin-Key header.",
            new Request("tour", "Tour Marketplace", null)).Apply);
        Description(d => d.ClearDefaultProduces(200).Produces<Response>(201).ProducesProblems(400, 401, 403, 409));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var command = new Command(r.Id, r.Name, r.StoreName ?? r.Name, IdempotencyKeys.Of(HttpContext, r));
        var created = await mediator.SendCommandAsync(command, HttpContext.Response, ct);
        keys.Forget(created.OperatorKey.Id);
        await Send.ResponseAsync(created, StatusCodes.Status201Created, ct);
    }
}
