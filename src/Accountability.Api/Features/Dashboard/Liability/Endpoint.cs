using Accountability.Api.Auth;
using Accountability.Api.Features.Pages;
using Accountability.Api.Features.Policies;
using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using FastEndpoints;
using Marten;
using Marten.Linq.MatchesSql;
using Accountability.Api.Features.Standing;
using Accountability.Domain.Standing;

namespace Accountability.Api.Features.Dashboard.Liability;

/// <summary>The operator's charges and appeals: open appeals first, each row linking to its complaint.</summary>
public sealed class Endpoint(IDocumentStore store, DashboardForms forms, TimeProvider clock) : EndpointWithoutRequest
{
    /// <summary>The complaints with charges read, the latest changed first; their charges are all shown.</summary>
    public const int Considered = 200;

    public override void Configure()
    {
        Get("dashboard/liability");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(new OperationText("The dashboard's charges and appeals",
            "The dashboard's liability view (HTML): every charge with its party, amount and appeal, open appeals first, then charges still open to appeal with the time left.").Apply);
        Description(d => d.Produces(200, contentType: "text/html").Produces(303).ProducesProblems(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession(User.TenantId());
        var policy = session.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, ct);
        var charged = await session.Query<Complaint>().Where(c => c.MatchesSql("jsonb_array_length(d.data -> 'charges') > 0"))
            .OrderByDescending(c => c.LastChangedAt).Take(Considered).ToListAsync(ct);
        var registered = await session.Query<Party>().ToListAsync(ct);
        var parties = new PartyDirectory(registered);
        var current = PolicyDocument.Current(await policy);
        var window = TimeSpan.FromDays(current.AppealWindowDays);
        var standings = await StandingsAsync(session, registered.Where(p => p.Kind == PartyKind.Vendor).Select(p => p.Id).ToList(), ct);
        var rows = LiabilityHtml.Ordered(charged.SelectMany(c => c.Charges.Select(charge => new ChargeRow(c.Id, c.Product, c.CustomerReference, charge))), window, now);
        await PageResponses.WriteAsync(HttpContext, StatusCodes.Status200OK, LiabilityHtml.Page(rows, parties, window, now, forms.Seal(HttpContext), standings, current.Standing.Enabled));
    }

    /// <summary>Every vendor's standing stream in one read, replayed.</summary>
    private static async Task<IReadOnlyList<VendorStanding>> StandingsAsync(IQuerySession session, IReadOnlyList<string> vendors, CancellationToken ct)
    {
        var byStream = vendors.ToDictionary(StandingStore.StreamId);
        var ids = byStream.Keys.ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var grouped = events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => g.Select(e => (IStandingEvent)e.Data).ToList());
        return [.. byStream.Select(v => VendorStanding.Replay(v.Value, grouped.GetValueOrDefault(v.Key) ?? []))];
    }
}
