using System.Text.RegularExpressions;

namespace Accountability.Api.Setup;

/// <summary>The service's settings, bound from the "Accountability" configuration section.</summary>
public sealed partial class AccountabilityOptions
{
    public const string Section = "Accountability";

    /// <summary>PostgreSQL schema holding the event store and documents.</summary>
    public string Schema { get; set; } = "accountability";

    /// <summary>Key that allows creating tenants through /admin; admin endpoints answer 401 while it is unset.</summary>
    public string? AdminKey { get; set; }

    /// <summary>How long after closing a customer may still have the complaint reopened.</summary>
    public int ReopenWindowDays { get; set; } = 30;

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long a resolved API key is trusted before it is read again (a revocation reaches other nodes within this).</summary>
    public int ApiKeyCacheSeconds { get; set; } = 10;

    /// <summary>Whether this node judges holders' deadlines as they fall due (several nodes may; each deadline fires once).</summary>
    public bool RunScheduler { get; set; } = true;

    /// <summary>How often the scheduler looks for deadlines that fell due.</summary>
    public double DeadlinePollSeconds { get; set; } = 5;

    /// <summary>Hosts (names or addresses) that webhooks may reach although they are loopback or private, e.g. 127.0.0.1 for tests.</summary>
    public string[] WebhookAllowedPrivateHosts { get; set; } = [];

    /// <summary>How long a rotated-out webhook secret keeps signing next to the new one.</summary>
    public int WebhookSecretGraceHours { get; set; } = 24;

    /// <summary>Whether this node sends webhooks from the outbox.</summary>
    public bool RunWebhooks { get; set; } = true;

    /// <summary>How often an idle dispatcher looks for webhooks to send.</summary>
    public double WebhookPollSeconds { get; set; } = 0.5;

    /// <summary>How long one webhook request may take before it counts as a failure.</summary>
    public double WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>How much longer than the timeout a dispatcher's claim on a delivery lasts, by the database's clock.</summary>
    public double WebhookClaimMarginSeconds { get; set; } = 10;

    /// <summary>An endpoint failing for longer than this is disabled, with the reason shown to its owner.</summary>
    public double WebhookDisableAfterHours { get; set; } = 72;

    /// <summary>
    /// The public address customers open status pages at (e.g. https://help.example.com), for the links they are sent.
    /// Required in Production; unset elsewhere, the address this node listens on. Never taken from a request's Host.
    /// </summary>
    public string? StatusPageBaseUrl { get; set; }

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

    /// <summary>Apply schema changes at start (development); production applies them with the command line.</summary>
    public bool ApplySchemaOnStartup { get; set; } = true;

    /// <summary>
    /// Whether this node runs Marten's async projection daemon (scorecards, recurring problems). Any number of workers may:
    /// per projection, one leader at a time runs it (HotCold), and another takes over when it dies.
    /// </summary>
    public bool RunProjectionDaemon { get; set; } = true;

    /// <summary>How often a standing-by worker tries to take over a projection whose leader is gone.</summary>
    public double ProjectionLeaderPollSeconds { get; set; } = 5;

    /// <summary>Whether this node serves Swagger UI and the OpenAPI document at /swagger; unset, only in Development.</summary>
    public bool? ServeApiExplorer { get; set; }

    /// <summary>What is wrong with these settings, each naming its setting; empty when the service can start with them.</summary>
    public IEnumerable<string> Problems()
    {
        if (!SchemaName().IsMatch(Schema))
            yield return $"{Section}:Schema must be a lower-case PostgreSQL name (letters, digits, _), not '{Schema}'";
        foreach (var (name, value, least) in new (string, double, double)[]
        {
            (nameof(ReopenWindowDays), ReopenWindowDays, 0), (nameof(ApiKeyCacheSeconds), ApiKeyCacheSeconds, 0),
            (nameof(WebhookSecretGraceHours), WebhookSecretGraceHours, 0),
            (nameof(RequestsPerSecondPerKey), RequestsPerSecondPerKey, 0),
            (nameof(StatusPageRequestsPerMinutePerAddress), StatusPageRequestsPerMinutePerAddress, 0),
            (nameof(DashboardSignInsPerMinutePerAddress), DashboardSignInsPerMinutePerAddress, 0),
            (nameof(UnauthenticatedRequestsPerMinutePerAddress), UnauthenticatedRequestsPerMinutePerAddress, 0),
        })
        {
            if (value < least)
                yield return $"{Section}:{name} must be {least} or more, not {value}";
        }
        foreach (var (name, value) in new (string, double)[]
        {
            (nameof(MaxRequestBodyBytes), MaxRequestBodyBytes), (nameof(DeadlinePollSeconds), DeadlinePollSeconds),
            (nameof(WebhookPollSeconds), WebhookPollSeconds), (nameof(WebhookTimeoutSeconds), WebhookTimeoutSeconds),
            (nameof(WebhookDisableAfterHours), WebhookDisableAfterHours), (nameof(WebhookClaimMarginSeconds), WebhookClaimMarginSeconds),
            (nameof(ProjectionLeaderPollSeconds), ProjectionLeaderPollSeconds),
        })
        {
            if (value <= 0)
                yield return $"{Section}:{name} must be more than 0, not {value}";
        }
        foreach (var proxy in KnownProxies.Where(p => !ClientAddresses.TryParseProxy(p, out _, out _)))
            yield return $"{Section}:{nameof(KnownProxies)} must hold addresses or networks such as 10.0.0.0/8, not '{proxy}'";
        if (StatusPageBaseUrl is { } address && !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.PathAndQuery == "/"))
            yield return $"{Section}:{nameof(StatusPageBaseUrl)} must be an http(s) address without a path, such as https://help.example.com, not '{address}'";
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
