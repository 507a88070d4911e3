using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Rules;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Policies.Replace;

public sealed class Endpoint(IMediator mediator) : Endpoint<Request, Policy>
{
    public override void Configure()
    {
        Put("policy");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Replace the rule policy",
            "Replaces the rule policy as a whole and gives it the next version; send If-Match to be sure nobody replaced it meanwhile.",
            Request.From(Domain.Rules.Policy.Default)).Apply);
        Description(d => d.ProducesProblems(400, 401, 403, 412));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var command = new Command(r, RequestHeaders.ExpectedVersion(HttpContext), User.KeyIdOf(), IdempotencyKeys.Of(HttpContext, r));
        var policy = await mediator.SendCommandAsync(command, HttpContext.Response, ct);
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(policy.Version);
        await Send.OkAsync(policy, ct);
    }
}
