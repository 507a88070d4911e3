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
            "Complaints, newest first, filtered by status, holder, vendor, product and filing date; a vendor sees only those it holds or has held. Items name the rules that flagged them; the flags themselves are on each complaint.").Apply);
        Description(d => d.ProducesProblems(400, 401));
    }

    /// <summary>Everything a list item shows, without what only the rules and the flags need (the largest part of a flagged complaint).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Complaint, Complaint>> WithoutRuleState = c => new Complaint(
        c.Id, c.CustomerReference, c.Product, c.VendorId, c.Category, c.Description, c.Channel, c.Status, c.Holder, c.HeldSince,
        c.Clock, c.PartiesInvolved, c.HandoffCount, c.ReopenCount, c.FiledAt, c.LastChangedAt, c.ResolvedAt, c.ClosedAt)
    {
        Version = c.Version,
        Severity = c.Severity,
        Escalation = c.Escalation,
        FlaggedRules = c.FlaggedRules,
    };

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var actor = User.Actor();
        IQueryable<Complaint> query = session.Query<Complaint>();
        if (!actor.IsOperator) query = query.InvolvingParty(actor.PartyId);
        if (r.Status is { } status) query = query.Where(c => c.Status == status);
        if (r.Holder is { } holder) query = query.Where(c => c.Holder == holder);
        if (r.Vendor is { } vendor) query = query.Where(c => c.VendorId == vendor);
        if (r.Product is { } product) query = query.Where(c => c.Product == product);
        if (FilterTime.Clamp(r.OpenedFrom) is { } from) query = query.Where(c => c.FiledAt >= from);
        if (FilterTime.Clamp(r.OpenedTo) is { } to) query = query.Where(c => c.FiledAt <= to);

        var (page, next) = await PageCursor.ReadAsync(query, r.Cursor, r.Limit, ct, WithoutRuleState);
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
        var now = clock.GetUtcNow();
        await Send.OkAsync(new Response([.. page.Select(c => ComplaintView.From(c, parties, now, withFlags: false))], next), ct);
    }
}
