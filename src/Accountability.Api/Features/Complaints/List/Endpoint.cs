using Accountability.Api.Auth;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Http;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Complaints.List;

public sealed class Endpoint(IQuerySession session, WriteContextCache contexts, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("complaints");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("List complaints",
            "Complaints, newest first, filtered by status, holder, vendor, product, filing date, flags, escalation, accountable party and due clocks; a vendor sees only those it holds or has held. Items name the rules that flagged them (the flags themselves are on each complaint) and carry their running clocks.").Apply);
        Description(d => d.ProducesProblems(400, 401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var batch = session.CreateBatchQuery();
        var pageQuery = ListQuery.Queue(batch, session, User.Actor(), r, now);
        // The parties' names from the tenant's cached write context, checked against its versions in the same round trip.
        var contextQuery = contexts.Queue(session, batch);
        await batch.Execute(ct);
        var (rows, next) = await pageQuery();
        using (rows)
            // The answer is written from the rows' JSON (decision 0040); Response stays the documented shape.
            await ListItemJson.WriteAsync(HttpContext.Response, rows, next, (await contextQuery()).Parties, now, new Config().Serializer.Options, ct);
    }
}
