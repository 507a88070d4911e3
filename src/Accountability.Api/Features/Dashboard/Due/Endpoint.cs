using Accountability.Api.Auth;
using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Domain.Parties;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Dashboard.Due;

/// <summary>The operator's queue of deadlines to act on first: every running clock past due or due within the next day.</summary>
public sealed class Endpoint(IDocumentStore store, DashboardForms forms, TimeProvider clock) : EndpointWithoutRequest
{
    public static readonly TimeSpan Soon = TimeSpan.FromHours(24);

    /// <summary>Complaints shown at most: past that, the list filters (overdue, dueBefore) page through them.</summary>
    public const int Shown = 100;

    public override void Configure()
    {
        Get("dashboard/due");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(new OperationText("The dashboard's overdue and due-soon queue",
            "The dashboard's queue of overdue and due-soon deadlines (HTML): each running clock due within a day, the soonest first, with who must act.").Apply);
        Description(d => d.Produces(200, contentType: "text/html").Produces(303).ProducesProblems(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession(User.TenantId());
        var due = await ComplaintListTable.DueBeforeAsync(session, now + Soon, Shown, ct);
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
        await PageResponses.WriteAsync(HttpContext, StatusCodes.Status200OK, DueHtml.Page(due, parties, now, Soon, forms.Seal(HttpContext)));
    }
}
