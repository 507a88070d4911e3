namespace Accountability.Api.Features.Dashboard;

/// <summary>
/// The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Secure over HTTPS,
/// and sent to the dashboard's own paths only, never to the API.
/// </summary>
public static class DashboardCookie
{
    public const string Name = "accountability_dashboard";
    public const string Path = "/dashboard";

    public static string? Read(HttpRequest request) => request.Cookies[Name];

    public static void Write(HttpContext http, string value, DateTimeOffset expires) =>
        http.Response.Cookies.Append(Name, value, Options(http, expires));

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = Path,
        Expires = expires,
        IsEssential = true,
    };
}
