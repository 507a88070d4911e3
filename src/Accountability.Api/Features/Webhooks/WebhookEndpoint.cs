using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Webhooks;

/// <summary>A signing secret; a rotated-out one keeps signing until <see cref="ExpiresAt"/>.</summary>
public sealed record WebhookSecret(string Value, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt = null);

/// <summary>Where a party wants to be told about its complaints, and which events it wants.</summary>
public sealed record WebhookEndpoint(
    string Id,
    string PartyId,
    string Url,
    IReadOnlyList<string> EventTypes,
    IReadOnlyList<WebhookSecret> Secrets,
    bool Enabled,
    string? DisabledReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FailingSince = null)
{
    /// <summary>Secrets that still sign at <paramref name="now"/>: the current one, and rotated ones within their grace period.</summary>
    public IEnumerable<WebhookSecret> SigningSecrets(DateTimeOffset now) => Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now);

    public bool Wants(string eventType) => EventTypes.Contains(eventType);

    /// <summary>The endpoint, if the actor may see it: a vendor sees and manages its own, the operator all of them.</summary>
    public static async Task<WebhookEndpoint> LoadVisibleAsync(IQuerySession session, string id, Actor actor, CancellationToken ct) =>
        await session.LoadAsync<WebhookEndpoint>(id, ct) is { } endpoint && (actor.IsOperator || actor.PartyId == endpoint.PartyId)
            ? endpoint
            : throw new ProblemException(ProblemKind.NotFound, $"No webhook endpoint {id}.");
}

/// <summary>An endpoint as the API shows it: never its secrets.</summary>
/// <param name="Id">The endpoint's id.</param>
/// <param name="PartyId">The party whose complaints it is told about.</param>
/// <param name="Url">Where the webhooks are posted.</param>
/// <param name="EventTypes">The event types it receives (docs/webhooks.md).</param>
/// <param name="Enabled">Whether deliveries go out to it; while false they wait, and go out in order once re-enabled.</param>
/// <param name="DisabledReason">Why it is disabled (paused by its owner, 410 Gone, failing too long); null while enabled.</param>
/// <param name="CreatedAt">When it was registered.</param>
/// <param name="FailingSince">Since when its attempts have failed without a success; null while it answers.</param>
public sealed record WebhookEndpointView(
    string Id, string PartyId, string Url, IReadOnlyList<string> EventTypes, bool Enabled, string? DisabledReason,
    DateTimeOffset CreatedAt, DateTimeOffset? FailingSince)
{
    public static WebhookEndpointView Of(WebhookEndpoint e) =>
        new(e.Id, e.PartyId, e.Url, e.EventTypes, e.Enabled, e.DisabledReason, e.CreatedAt, e.FailingSince);
}

/// <param name="Secret">The new signing secret (whsec_...), shown in this response only.</param>
public sealed record EndpointWithSecret(WebhookEndpointView Endpoint, string? Secret) : Commands.IShowsSecretOnce
{
    public object WithoutSecret() => this with { Secret = null };
}
