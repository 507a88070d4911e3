namespace Accountability.Api.Features.Pages;

/// <summary>
/// Where a browser says a posted form came from. Sec-Fetch-Site must say same-origin (or none: typed or bookmarked), so
/// a sibling subdomain (same-site) is refused as well as another site; an Origin, when it names one, must be this
/// service's own. "null" names none: browsers send it for every form on a page whose referrer policy is no-referrer, as
/// ours are. Programs that send neither are judged by the form's sealed field alone.
/// </summary>
public static class FormOrigin
{
    /// <summary>The header showing that the form came from elsewhere, with what it said; null when it came from here.</summary>
    public static (string Header, string Value)? Foreign(HttpRequest request, string? publicBaseUrl)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
            return ("Sec-Fetch-Site", site);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && origin != "null" && !IsOwn(origin, request.Host.Value, publicBaseUrl))
            return ("Origin", origin);
        return null;
    }

    /// <summary>
    /// The host and port alone are compared, as the scheme a node sees differs from the browser's behind a proxy that
    /// ends TLS. A Host header is the victim's browser's own here, so an attacker cannot make it match their page.
    /// </summary>
    private static bool IsOwn(string origin, string? host, string? publicBaseUrl) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var from) && origin.Length <= 300
        && (string.Equals(from.Authority, host, StringComparison.OrdinalIgnoreCase)
            || (Uri.TryCreate(publicBaseUrl, UriKind.Absolute, out var own) && string.Equals(from.Authority, own.Authority, StringComparison.OrdinalIgnoreCase)));
}
