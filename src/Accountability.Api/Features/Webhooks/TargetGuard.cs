using System.Net;
using System.Net.Sockets;
using Accountability.Api.Setup;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// Keeps webhooks off internal networks (SSRF): only http(s), and no loopback, link-local or private address
/// unless the deployment allows that host explicitly. Checked when an endpoint is saved and again on every
/// connection, so a DNS answer that changes later cannot point a delivery inside.
/// </summary>
public sealed class TargetGuard(IOptions<AccountabilityOptions> options)
{
    public async Task<string?> ProblemWithAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "Give an absolute http or https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return "The URL must not carry credentials.";
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"{uri.Host} does not resolve.";
        }
        return addresses.All(a => IsAllowed(uri.IdnHost, a))
            ? null
            : $"{uri.Host} is or resolves to a loopback, link-local or private address; deliveries there are not allowed.";
    }

    /// <summary>The handler webhooks go out through: no redirects, and every connection checked against the guard.</summary>
    public SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 8,
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            var target = addresses.FirstOrDefault(a => IsAllowed(host, a))
                ?? throw new HttpRequestException($"{host} resolves to a loopback, link-local or private address; not sending there.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public bool IsAllowed(string host, IPAddress address) =>
        options.Value.WebhookAllowedPrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase)
        || options.Value.WebhookAllowedPrivateHosts.Contains(address.ToString())
        || !IsInternal(address);

    private static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast;
        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127)
            || b[0] >= 224;
    }
}
