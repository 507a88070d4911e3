using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Accountability.Api.Setup;

/// <summary>
/// Who the client is, behind a proxy: X-Forwarded-For and -Proto are believed from the KnownProxies setting only (the last
/// hop, which the proxy wrote), never from anyone else, so no client can pose as another to the per-address limits.
/// </summary>
public static class ClientAddresses
{
    public static IServiceCollection AddClientAddresses(this IServiceCollection services, AccountabilityOptions settings) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only what the setting names is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                TryParseProxy(proxy, out var address, out var network);
                if (address is not null)
                    options.KnownProxies.Add(address);
                else
                    options.KnownIPNetworks.Add(network!.Value);
            }
        });

    public static bool TryParseProxy(string text, out IPAddress? address, out System.Net.IPNetwork? network)
    {
        (address, network) = (null, null);
        if (text.Contains('/'))
        {
            if (!System.Net.IPNetwork.TryParse(text, out var parsed))
                return false;
            network = parsed;
            return true;
        }
        return IPAddress.TryParse(text, out address);
    }
}
