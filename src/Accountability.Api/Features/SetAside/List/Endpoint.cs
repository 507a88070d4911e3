using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.SetAside.List;

public sealed class Endpoint(SetAsideEvents setAside) : EndpointWithoutRequest<IReadOnlyList<SetAsideEvent>>
{
    public override void Configure()
    {
        Get("set-aside-events");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("List set-aside events",
            "This marketplace's events that a projection or subscription could not process and set aside (the scorecards or " +
            "recurring problems lack them until they are retried), oldest first.").Apply);
        Description(d => d.ProducesProblems(401, 403));
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await setAside.ListAsync(User.TenantId(), null, ct), ct);
}
