using Accountability.Api.Commands;
using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.ApiKeys.Revoke;

public sealed class Endpoint(IMediator mediator, ApiKeyStore keys) : EndpointWithoutRequest<ApiKeyView>
{
    public override void Configure()
    {
        Delete("api-keys/{id}");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Revoke an API key",
            "Revokes a key: it answers 401 from now on. Revoking twice is harmless.").Apply);
        Description(d => d.ProducesProblems(401, 403, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var view = await mediator.SendCommandAsync(new Command(User.TenantId(), Route<string>("id")!), HttpContext.Response, ct);
        keys.Forget(view.Id);
        await Send.OkAsync(view, ct);
    }
}
