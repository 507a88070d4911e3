using Accountability.Api.Features.Pages;
using Accountability.Api.Http;

namespace Accountability.Api.Features.StatusPage;

/// <summary>What every status page answer shares: never stored, never indexed, no referrer, nothing loaded from elsewhere.</summary>
public static class StatusPageResponses
{
    public static void Secure(HttpResponse response)
    {
        PageHeaders.Apply(response);
        response.Headers.Vary = "Accept, Accept-Language";
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
        await PageResponses.WriteAsync(http, StatusCodes.Status404NotFound, StatusPageHtml.NotFound());
    }
}
