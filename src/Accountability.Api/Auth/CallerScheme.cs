using Accountability.Api.Features.Dashboard;

namespace Accountability.Api.Auth;

/// <summary>
/// Who is calling, known before the rate limiter runs so that it can count by key: the dashboard's paths by their session
/// cookie, every other path by X-Api-Key or X-Admin-Key. The API never looks at the cookie.
/// </summary>
public static class CallerScheme
{
    public const string Name = "Caller";

    public static string For(HttpContext http) =>
        http.Request.Path.StartsWithSegments(DashboardCookie.Path) ? DashboardAuthenticationHandler.SchemeName : ApiKeyAuthenticationHandler.SchemeName;
}
