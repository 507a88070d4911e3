namespace Accountability.Api.Features.Pages;

/// <summary>
/// What every server-rendered page shares (status page, dashboard): never stored (they show one customer's complaint or a
/// signed-in operator's data, which must not stay on a shared computer's disk), never indexed, no referrer, not sniffed
/// or framed, nothing loaded from elsewhere, no script.
/// </summary>
public static class PageHeaders
{
    public const string HtmlType = "text/html; charset=utf-8";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.CacheControl = "no-store";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }
}
