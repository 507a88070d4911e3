using Accountability.Api.Features.Pages;

namespace Accountability.Api.Features.Dashboard;

/// <summary>What every dashboard answer shares: the pages' headers, and never stored.</summary>
public static class DashboardResponses
{
    public static void Secure(HttpResponse response) => PageHeaders.Apply(response);

    /// <summary>A browser on a dashboard page, which should get a page rather than a problem document.</summary>
    public static bool IsForPeople(HttpRequest request) =>
        request.Path.StartsWithSegments(DashboardRoutes.Overview) && StatusPage.StatusPageResponses.WantsHtml(request, jsonLink: false);

    public static async Task WriteAsync(HttpContext http, int status, string html)
    {
        Secure(http.Response);
        http.Response.StatusCode = status;
        http.Response.ContentType = PageHeaders.HtmlType;
        await http.Response.WriteAsync(html, http.RequestAborted);
    }
}
