using Accountability.Api.Auth;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Times;
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
        var parties = new PartyDirectory(await partiesQuery);
        await Send.OkAsync(new Response([.. page.Select(item => ComplaintView.From(item.Complaint, parties, now, withFlags: false) with
        {
            Clocks = ClockView.Of(item.Clocks, parties, now),
        })], next), ct);
    }
}
