using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Complaints.Get;

public sealed class Endpoint(IQuerySession session, TimeProvider clock) : EndpointWithoutRequest<ComplaintView>
{
    public override void Configure()
    {
        Get("complaints/{id:guid}");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read a complaint",
            "One complaint: its status, holder, how long each party has held it, its running clocks, and its version as ETag.").Apply);
        Description(d => d.Produces(304).ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var batch = session.CreateBatchQuery();
        var complaintQuery = batch.Load<Complaint>(id);
        var partiesQuery = batch.Query<Party>().ToList();
        var clocksQuery = ComplaintListTable.QueueClocks(batch, session, id);
        await batch.Execute(ct);
        if (await complaintQuery is not { } complaint || !User.Actor().CanSee(complaint))
            throw ComplaintAccess.NotFound(id);

        var etag = RequestHeaders.ETag(complaint.Version);
        HttpContext.Response.Headers.ETag = etag;
        if (HttpContext.Request.Headers.IfNoneMatch == etag)
        {
            await Send.ResultAsync(TypedResults.StatusCode(StatusCodes.Status304NotModified));
            return;
        }
        var (parties, now) = (new PartyDirectory(await partiesQuery), clock.GetUtcNow());
        var view = ComplaintView.From(complaint, parties, now) with { Clocks = ClockView.Of(await clocksQuery(), parties, now) };
        await Send.OkAsync(view.SeenBy(User.Actor()), ct);
    }
}
