using Accountability.Api.Configuration;

namespace Accountability.Api.Setup;

/// <summary>
/// The HTTP host's own settings, bound from the "Accountability" configuration section, where each feature's options
/// are bound as well (<see cref="SettingsBinder"/>).
/// </summary>
public sealed class AccountabilityOptions : ISettings
{
    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Requests one API key may make per second (a burst of as many passes); 0 for no limit.</summary>
    public int RequestsPerSecondPerKey { get; set; } = 200;

    /// <summary>Status page requests one client address may make per minute; 0 for no limit.</summary>
    public int StatusPageRequestsPerMinutePerAddress { get; set; } = 120;

    /// <summary>Dashboard sign-in attempts one client address may make per minute; 0 for no limit.</summary>
    public int DashboardSignInsPerMinutePerAddress { get; set; } = 10;

    /// <summary>
    /// Requests without a valid key (none, unknown or revoked) one client address may make per minute, outside the status
    /// pages and sign-ins, which have limits of their own; health probes are never limited. 0 for no limit.
    /// </summary>
    public int UnauthenticatedRequestsPerMinutePerAddress { get; set; } = 60;

    /// <summary>
    /// The proxies in front of the nodes (addresses, or networks such as 10.0.0.0/8) whose X-Forwarded-For and
    /// X-Forwarded-Proto are believed. Empty: nobody's; the connection's own address is the client's.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Whether this node serves Swagger UI and the OpenAPI document at /swagger; unset, only in Development.</summary>
    public bool? ServeApiExplorer { get; set; }

    /// <summary>What is wrong with these settings, each naming its setting; empty when the service can start with them.</summary>
    public IEnumerable<string> Problems() =>
        SettingChecks.AtLeast(0,
                (nameof(RequestsPerSecondPerKey), RequestsPerSecondPerKey),
                (nameof(StatusPageRequestsPerMinutePerAddress), StatusPageRequestsPerMinutePerAddress),
                (nameof(DashboardSignInsPerMinutePerAddress), DashboardSignInsPerMinutePerAddress),
                (nameof(UnauthenticatedRequestsPerMinutePerAddress), UnauthenticatedRequestsPerMinutePerAddress))
            .Concat(SettingChecks.MoreThanZero((nameof(MaxRequestBodyBytes), MaxRequestBodyBytes)))
            .Concat(KnownProxies.Where(p => !ClientAddresses.TryParseProxy(p, out _, out _))
                .Select(proxy => $"{SettingChecks.Section}:{nameof(KnownProxies)} must hold addresses or networks such as 10.0.0.0/8, not '{proxy}'"));
}
