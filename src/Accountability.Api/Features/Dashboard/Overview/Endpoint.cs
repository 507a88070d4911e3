using Accountability.Api.Auth;
using Accountability.Api.Problems;
using FastEndpoints;

namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>The dashboard's first page: the flagged complaints needing action first, then the charts.</summary>
public sealed class Endpoint(OverviewReader reader, DashboardForms forms) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("dashboard");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(s => s.Summary = "The operator's dashboard (HTML, signed in with the session cookie): flagged complaints needing action first, and charts.");
        Description(d => d.Produces(200, contentType: "text/html").Produces(303).ProducesProblems(401));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var figures = await reader.ReadAsync(User.TenantId(), ct);
        await DashboardResponses.WriteAsync(HttpContext, StatusCodes.Status200OK, OverviewHtml.Page(figures, forms.Seal(User.SessionId())));
    }
}
