using System.Security.Claims;
using System.Text.Encodings.Web;
using Accountability.Api.Auth;
using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Dashboard;

/// <summary>
/// Authenticates the dashboard's pages by their session cookie, as the operator key it was opened with. Only the
/// dashboard's endpoints ask for this scheme: the API never accepts the cookie, so a page on another site cannot make a
/// signed-in browser call it.
/// </summary>
public sealed class DashboardAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory loggerFactory, UrlEncoder encoder, DashboardSessions sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "DashboardSession";
    public const string SessionClaim = "dashboard_session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (DashboardCookie.Read(Request) is not { } value)
            return AuthenticateResult.NoResult();
        if (await sessions.FindAsync(value, Context.RequestAborted) is not { } session)
            return AuthenticateResult.Fail("The dashboard session has ended.");
        Claim[] claims =
        [
            new(ClaimTypes.Role, KeyClaims.Operator), new(KeyClaims.Tenant, session.TenantId), new(KeyClaims.Party, session.PartyId),
            new(KeyClaims.KeyId, session.KeyId), new(SessionClaim, session.Id),
        ];
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    /// <summary>People go to the sign-in page (told why, when their session ended); programs get a problem.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!PageResponses.WantsHtml(Request))
        {
            await ProblemResponse.WriteAsync(Context, ProblemKind.Unauthenticated, "Sign in to the dashboard first.");
            return;
        }
        var ended = DashboardCookie.Read(Request) is not null;
        if (ended)
            DashboardCookie.Clear(Context);
        PageHeaders.Apply(Response);
        Response.StatusCode = StatusCodes.Status303SeeOther;
        Response.Headers.Location = ended ? $"{DashboardRoutes.SignIn}?ended=1" : DashboardRoutes.SignIn;
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemResponse.WriteAsync(Context, ProblemKind.Forbidden, "Only operators may use the dashboard.");
}

public static class DashboardClaims
{
    /// <summary>The signed-in session's id (the hash kept in the database), which sign-out ends (and, among the other claims, binds the pages' forms).</summary>
    public static string SessionId(this ClaimsPrincipal user) => user.FindFirstValue(DashboardAuthenticationHandler.SessionClaim) ?? "";
}
