using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.RecurringProblems.List;

public sealed class Endpoint(IQuerySession session, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("problems");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("List recurring problems",
            "Recurring problems, newest first, a page at a time (follow nextCursor), filtered by status, product and owner; a vendor sees those it owns or that link a complaint it holds or has held.").Apply);
        Description(d => d.ProducesProblems(400, 401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var (items, next) = await new ProblemQueries(session, clock).ListAsync(User.Actor(), new ProblemFilter(r.Status, r.Product, r.Owner, r.Limit, r.Cursor), ct);
        await Send.OkAsync(new Response(items, next), ct);
    }
}
