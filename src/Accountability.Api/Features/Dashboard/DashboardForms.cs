using Accountability.Api.Features.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Accountability.Api.Features.Dashboard;

/// <summary>
/// The dashboard's forms carry ASP.NET Core's antiforgery token in their sealed field, the pair of a cookie given to the
/// browser that fetched the page (data protection keys are shared by every node through the database). A form is
/// accepted only from that browser and, once signed in, only within the session it was made in: another site cannot
/// read a token, and a token an attacker fetched in their own browser does not match the victim's cookie (login forgery).
/// </summary>
public sealed class DashboardForms(IAntiforgery antiforgery)
{
    public const string FieldName = PageFormEndpoint.SealField;
    public const string CookieName = "accountability_dashboard_form";

    public static void Configure(AntiforgeryOptions options)
    {
        options.FormFieldName = FieldName;
        options.HeaderName = null;
        options.Cookie.Name = CookieName;
        options.Cookie.Path = DashboardCookie.Path;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.HttpOnly = true;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        // The pages send their own framing rules (PageHeaders).
        options.SuppressXFrameOptionsHeader = true;
    }

    /// <summary>The sealed field for a page's forms; gives the browser its cookie when it has none yet.</summary>
    public string Seal(HttpContext http) => antiforgery.GetAndStoreTokens(http).RequestToken!;

    /// <summary>Whether the posted form's sealed field matches this browser's cookie and the signed-in session, if any.</summary>
    public Task<bool> IsValidAsync(HttpContext http) => antiforgery.IsRequestValidAsync(http);
}
