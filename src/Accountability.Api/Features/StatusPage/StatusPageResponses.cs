using Accountability.Api.Features.Pages;
using Accountability.Api.Problems;

namespace Accountability.Api.Features.StatusPage;

/// <summary>What every status page answer shares: never stored, never indexed, no referrer, nothing loaded from elsewhere.</summary>
public static class StatusPageResponses
{
    public static void Secure(HttpResponse response)
    {
        PageHeaders.Apply(response);
        response.Headers.Vary = "Accept, Accept-Language";
    }

    /// <summary>Browsers get pages; apps asking for JSON (or the .json link) get JSON and problem+json.</summary>
    public static bool WantsHtml(HttpRequest request, bool jsonLink)
    {
        var accept = request.Headers.Accept.ToString();
        return !jsonLink && (accept.Contains("text/html", StringComparison.OrdinalIgnoreCase) || !accept.Contains("json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The same answer for a token that never existed, was revoked, or is not a token: a page or a problem, 404.</summary>
    public static async Task NotFoundAsync(HttpContext http, bool html)
    {
        Secure(http.Response);
        if (!html)
        {
            await ProblemResponse.WriteAsync(http, ProblemKind.NotFound, "No status page at this address.");
            return;
        }
        http.Response.StatusCode = StatusCodes.Status404NotFound;
        http.Response.ContentType = PageHeaders.HtmlType;
        await http.Response.WriteAsync(StatusPageHtml.NotFound());
    }
}
