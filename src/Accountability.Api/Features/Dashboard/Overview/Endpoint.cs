using Accountability.Api.Auth;
using Accountability.Api.Features.Pages;
using Accountability.Api.Features.RecurringProblems;
using Accountability.Api.Features.Scorecards;
using Accountability.Api.Http;
using Accountability.Domain.Parties;
using Accountability.Domain.RecurringProblems;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>
/// The dashboard's first page: the flagged complaints needing action first, the open problems, the charts, and the
/// parties' scorecards sorted as the address says (?sort=column&amp;order=asc|desc).
/// </summary>
public sealed class Endpoint(OverviewReader reader, ScorecardQueries scorecards, IDocumentStore store, DashboardForms forms, TimeProvider clock)
    : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("dashboard");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(new OperationText("The operator's dashboard",
            "The operator's dashboard (HTML, signed in with the session cookie): flagged complaints needing action first, open problems, charts, and the parties' scorecards (sort and order in the query).").Apply);
        Description(d => d.Produces(200, contentType: "text/html").Produces(303).ProducesProblems(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var tenant = User.TenantId();
        var figures = await reader.ReadAsync(tenant, ct);
        await using var session = store.QuerySession(tenant);
        var (open, _) = await new ProblemQueries(session, clock).ListAsync(User.Actor(), new ProblemFilter(ProblemStatus.Open, Limit: ProblemList.Read), ct);
        var cards = await scorecards.PartiesAsync(tenant, new ScorecardFilter(), ct);
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
        var table = ScorecardTable.Section(cards, parties, Query<string>("sort", isRequired: false), Query<string>("order", isRequired: false));
        var page = OverviewHtml.Page(figures, forms.Seal(HttpContext), ProblemList.Section(open), table);
        await PageResponses.WriteAsync(HttpContext, StatusCodes.Status200OK, page);
    }
}
