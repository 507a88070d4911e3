using Accountability.Api.Auth;
using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Dashboard.ComplaintPage;

/// <summary>One complaint of the signed-in operator's own marketplace; any other id is the same 404 page.</summary>
public sealed class Endpoint(IDocumentStore store, DashboardForms forms) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("dashboard/complaints/{id:guid}");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(new OperationText("A complaint on the dashboard",
            "One complaint on the dashboard (HTML): where it stands, its running deadlines, its flags with their sentences and evidence, the actions the operator may take now, and its timeline.").Apply);
        Description(d => d.Produces(200, contentType: "text/html").Produces(303).ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var seal = forms.Seal(HttpContext);
        try
        {
            var shown = await ShownComplaint.ReadAsync(store, User, id, ct);
            var done = Query<string>("done", isRequired: false);
            await PageResponses.WriteAsync(HttpContext, StatusCodes.Status200OK, shown.Page(HttpContext, seal, done, error: null));
        }
        catch (ProblemException missing) when (missing.Kind == ProblemKind.NotFound)
        {
            if (!PageResponses.WantsHtml(HttpContext.Request))
                throw;
            await PageResponses.WriteAsync(HttpContext, StatusCodes.Status404NotFound,
                DashboardHtml.Message(DashboardText.Get("NotFound_Title"), DashboardText.Get("NotFound_Body"), seal));
        }
    }
}
