using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.Dashboard.SignOut;

/// <summary>Ends the session: it is deleted, so the cookie opens nothing even if the browser kept it.</summary>
public sealed class Endpoint(DashboardSessions sessions, DashboardForms forms) : DashboardFormEndpoint
{
    public override void Configure()
    {
        Post("dashboard/sign-out");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Sign out of the dashboard",
            "Signs out of the dashboard: a form post with the page's sealed 'form' field; answers 303 to the sign-in page.").Apply);
        Description(d => d.ClearDefaultProduces(204).Produces(303).ProducesProblems(400, 401, 403, 415));
    }

    private string SessionId => User.SessionId();

    protected override string RefusalPage(string reason) =>
        DashboardHtml.Message(DashboardText.Get("Error_Heading"), reason, forms.Seal(HttpContext));

    protected override async Task HandleFormAsync(IFormCollection form, CancellationToken ct)
    {
        await sessions.EndAsync(SessionId, ct);
        DashboardCookie.Clear(HttpContext);
        await SeeOtherAsync($"{DashboardRoutes.SignIn}?signed-out=1");
    }
}
