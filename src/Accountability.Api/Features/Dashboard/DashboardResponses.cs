using Accountability.Api.Features.Pages;

namespace Accountability.Api.Features.Dashboard;

public static class DashboardResponses
{
    /// <summary>A browser on a dashboard page, which should get a page rather than a problem document.</summary>
    public static bool IsForPeople(HttpRequest request) =>
        request.Path.StartsWithSegments(DashboardRoutes.Overview) && PageResponses.WantsHtml(request);
}
