using System.Net.Sockets;
using System.Net;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// Keeps webhooks off internal networks (SSRF): only http(s), and only globally reachable addresses (see
/// <see cref="TargetAddresses"/>) unless the deployment allows that host explicitly. Checked when an endpoint is saved
/// and again on every connection, so a DNS answer that changes later cannot point a delivery inside.
/// </summary>
public sealed class TargetGuard(IOptions<WebhookOptions> options, IHostResolver resolver)
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
            addresses = await ResolveAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return $"{uri.Host} does not resolve.";
        }
        return addresses.Select(a => WhyRefused(uri.IdnHost, a)).FirstOrDefault(why => why is not null) is { } refused
            ? $"{refused}; deliveries there are not allowed."
            : null;
    }

    /// <summary>
    /// The handler webhooks go out through: no redirects, no proxy (whatever HTTP(S)_PROXY says: through a proxy the
    /// check below would vet the proxy, not the target), and every connection checked against the guard.
    /// </summary>
    public SocketsHttpHandler Handler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        MaxConnectionsPerServer = 8,
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await ResolveAsync(host, ct);
            var target = addresses.FirstOrDefault(a => WhyRefused(host, a) is null)
                ?? throw new HttpRequestException(addresses.Length == 0 ? $"{host} does not resolve." : $"{WhyRefused(host, addresses[0])}; not sending there.");
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

    /// <summary>Why the guard refuses this host at this address, or null when it may be sent to.</summary>
    public string? WhyRefused(string host, IPAddress address)
    {
        var allowed = options.Value.WebhookAllowedPrivateHosts;
        if (allowed.Contains(host, StringComparer.OrdinalIgnoreCase) || allowed.Contains(address.ToString()))
            return null;
        return TargetAddresses.WhyRefused(address) is { } why ? (IPAddress.TryParse(host, out _) ? why : $"{host} resolves to {address}, and {why}") : null;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
        IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
}
