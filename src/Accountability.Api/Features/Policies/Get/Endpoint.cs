using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Rules;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Policies.Get;

public sealed class Endpoint(IQuerySession session) : EndpointWithoutRequest<Policy>
{
    public override void Configure()
    {
        Get("policy");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read the rule policy",
            "The marketplace's rule policy: every threshold, severity and whether a flag escalates. Its version is the ETag.").Apply);
        Description(d => d.ProducesProblems(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var policy = PolicyDocument.Current(await session.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, ct));
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(policy.Version);
        await Send.OkAsync(policy, ct);
    }
}
