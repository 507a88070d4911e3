using System.Net;

namespace Accountability.Api.Features.Webhooks;

/// <summary>Turns a webhook's host name into addresses; a service so that tests can answer for names of their own.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
