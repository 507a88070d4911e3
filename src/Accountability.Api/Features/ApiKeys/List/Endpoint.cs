using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.ApiKeys.List;

public sealed class Endpoint(IQuerySession session, TenantDatabases databases) : EndpointWithoutRequest<IReadOnlyList<ApiKeyView>>
{
    public override void Configure()
    {
        Get("api-keys");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("List the API keys",
            "This marketplace's API keys, revoked ones included; never their secrets.").Apply);
        Description(d => d.ProducesProblems(401, 403));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var tenant = User.TenantId();
        await using var master = databases.MasterSessionFor(session);
        var keys = await (master ?? session).Query<ApiKey>().Where(k => k.TenantId == tenant).OrderBy(k => k.CreatedAt).ToListAsync(ct);
        await Send.OkAsync([.. keys.Select(ApiKeyView.Of)], ct);
    }
}
