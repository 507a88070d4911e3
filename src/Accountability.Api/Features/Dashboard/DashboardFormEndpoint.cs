using Accountability.Api.Features.Pages;

namespace Accountability.Api.Features.Dashboard;

/// <summary>A form posted from a dashboard page: its sealed field is the antiforgery token of the browser (and session) it was made for.</summary>
public abstract class DashboardFormEndpoint : PageFormEndpoint
{
    protected override Task<bool> IsSealedAsync(IFormCollection form) => Resolve<DashboardForms>().IsValidAsync(HttpContext);

    protected override string SentFromElsewhere(string header, string value) => DashboardText.Format("Error_SentFromElsewhere", header, value);

    protected override string Expired() => DashboardText.Get("Error_FormExpired");

    protected override string TooLong(string field, int maxLength) => DashboardText.Format("Error_TooLong", field, maxLength);
}
