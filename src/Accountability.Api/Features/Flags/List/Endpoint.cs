using Accountability.Api.Auth;
using Accountability.Api.Features.Complaints.List;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Flags.List;

public sealed class Endpoint(IQuerySession session) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Get("flags");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("List flags across complaints",
            "Flags across complaints, newest complaints first, optionally of one rule (the latest 50 per complaint; /complaints/{id}/flags has them all); a vendor sees those on complaints it holds or has held.").Apply);
        Description(d => d.ProducesProblems(400, 401));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var actor = User.Actor();
        IQueryable<Complaint> query = session.Query<Complaint>();
        if (!actor.IsOperator) query = query.InvolvingParty(actor.PartyId);
        query = query.Flagged(r.Rule);

        var (page, next) = await PageCursor.ReadAsync(query, r.Cursor, r.Limit, ct);
        var items = page
            .SelectMany(c => c.Flags.Where(f => r.Rule is null || f.Rule == r.Rule)
                .Select(f => new FlaggedComplaint(c.Id, c.Product, c.Holder, c.AccountableParty(), f)))
            .ToList();
        await Send.OkAsync(new Response(items, next), ct);
    }
}
