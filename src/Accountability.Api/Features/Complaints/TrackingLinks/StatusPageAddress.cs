using Accountability.Api.Features.Pages;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Complaints.TrackingLinks;

/// <summary>
/// Where customers open status pages, for the links they are sent. Never the request's Host (or X-Forwarded-Host): the
/// caller chooses those, and a link to their site would hand it the customer's token.
/// </summary>
public static class StatusPageAddress
{
    /// <summary>The configured StatusPageBaseUrl (required in Production); unset elsewhere, the address this node listens on.</summary>
    public static string Of(HttpContext http) => Of(http.RequestServices);

    /// <summary>The same, outside a request (webhook payloads' links); a node without a server (a worker) says http://localhost.</summary>
    public static string Of(IServiceProvider services) =>
        services.GetService<IOptions<PublicAddressOptions>>()?.Value.StatusPageBaseUrl
        ?? Listening(services.GetService<IServer>());

    private static string Listening(IServer? server)
    {
        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        if (!Uri.TryCreate(address.Replace("://+", "://localhost").Replace("://*", "://localhost"), UriKind.Absolute, out var uri))
            return "http://localhost";
        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
