namespace Accountability.Api.Features.Dashboard;

/// <summary>What every dashboard answer shares: never cached or framed, no referrer, nothing loaded from elsewhere, no script.</summary>
public static class DashboardResponses
{
    public const string HtmlType = "text/html; charset=utf-8";

    public static void Secure(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    /// <summary>A browser on a dashboard page, which should get a page rather than a problem document.</summary>
    public static bool IsForPeople(HttpRequest request) =>
        request.Path.StartsWithSegments(DashboardRoutes.Overview) && StatusPage.StatusPageResponses.WantsHtml(request, jsonLink: false);

    public static async Task WriteAsync(HttpContext http, int status, string html)
    {
        Secure(http.Response);
        http.Response.StatusCode = status;
        http.Response.ContentType = HtmlType;
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
