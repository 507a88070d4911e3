using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.SetAside.Retry;

public sealed class Endpoint(SetAsideEvents setAside) : EndpointWithoutRequest<RetryOutcome>
{
    public override void Configure()
    {
        Post("set-aside-events/{id:guid}/retry");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Retry a set-aside event",
            "Runs the projection or subscription again for one of this marketplace's set-aside events, after a fix: processed, " +
            "it is no longer set aside; failing again, it stays set aside with the new error.").Apply);
        Description(d => d.ProducesProblems(401, 403, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var outcome = (await setAside.RetryAsync(User.TenantId(), id, ct)).SingleOrDefault()
            ?? throw new ProblemException(ProblemKind.NotFound, $"No set-aside event {id} in this marketplace.");
        await Send.OkAsync(outcome, ct);
    }
}
