using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Policies.Rejudge;

/// <summary>Re-judges the caller's whole history under the rules and policy in force and writes the differences, flags only.</summary>
public sealed class Endpoint(IDocumentStore store, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("policy/rejudge");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Re-judge every complaint under the policy in force",
            "Re-judges every complaint's history under the rules and policy in force and writes the differences as new events "
            + "(a flag withdrawn, a flag raised): flags only, without escalation, webhook or deadline. Running it again writes nothing. "
            + "With dryRun, reports the differences and writes nothing.",
            new Request(DryRun: true)).Apply);
        Description(d => d.ProducesProblems(400, 401, 403));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct) =>
        await Send.OkAsync(await HistoryRejudging.RunAsync(store, User.TenantId(), r.DryRun == true, clock.GetUtcNow(), ct), ct);
}
