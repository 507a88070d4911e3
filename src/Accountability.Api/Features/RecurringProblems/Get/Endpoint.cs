using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.RecurringProblems.Get;

public sealed class Endpoint(IQuerySession session, TimeProvider clock) : EndpointWithoutRequest<ProblemPage>
{
    public override void Configure()
    {
        Get("problems/{id:guid}");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read a recurring problem",
            "The problem's page: the problem (its version as ETag), its linked complaints, the time they were held per party, and the parties involved. " +
            "A vendor sees only the linked complaints it holds or has held.").Apply);
        Description(d => d.ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var page = await new ProblemQueries(session, clock).FindAsync(id, User.Actor(), ct) ?? throw ProblemAccess.NotFound(id);
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(page.Problem.Version);
        await Send.OkAsync(page, ct);
    }
}
