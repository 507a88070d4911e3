namespace Accountability.Api.Features.Pages;

/// <summary>How every page answers (status page, dashboard): a page for browsers, JSON for programs, always with the pages' headers.</summary>
public static class PageResponses
{
    /// <summary>Browsers get pages; programs asking for JSON (or a status page's .json link) get JSON and problem+json.</summary>
    public static bool WantsHtml(HttpRequest request, bool jsonLink = false)
    {
        var accept = request.Headers.Accept.ToString();
        return !jsonLink && (accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) || !accept.Contains("json", StringComparison.OrdinalIgnoreCase));
    }

    public static async Task WriteAsync(HttpContext http, int status, string html)
    {
        PageHeaders.Apply(http.Response);
        http.Response.StatusCode = status;
        http.Response.ContentType = PageHeaders.HtmlType;
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
