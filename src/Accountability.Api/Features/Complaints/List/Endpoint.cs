using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Domain.Parties;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Complaints.List;

public sealed class Endpoint(IQuerySession session, TimeProvider clock) : Endpoint<Request, Response>
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
        var partiesQuery = batch.Query<Party>().ToList();
        await batch.Execute(ct);
        var (page, next) = await pageQuery();
        // The answer is written from the rows' JSON (decision 0040); Response stays the documented shape.
        await ListItemJson.WriteAsync(HttpContext.Response, page, next, new PartyDirectory(await partiesQuery), now, new Config().Serializer.Options, ct);
    }
}
