using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Domain.Parties;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Parties.List;

public sealed class Endpoint(IQuerySession session) : EndpointWithoutRequest<IReadOnlyList<Party>>
{
    public override void Configure()
    {
        Get("parties");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("List the parties",
            "The store and the vendors of this marketplace: who a complaint can be handed to.").Apply);
        Description(d => d.ProducesProblems(401));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await session.Query<Party>().OrderBy(p => p.Id).ToListAsync(ct), ct);
}
