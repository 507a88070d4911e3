using Accountability.Api.Configuration;

namespace Accountability.Api.Features.Webhooks;

/// <summary>Settings of webhook endpoints and of this node's dispatcher.</summary>
public sealed class WebhookOptions : ISettings
{
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

    public IEnumerable<string> Problems() =>
        SettingChecks.AtLeast(0, (nameof(WebhookSecretGraceHours), WebhookSecretGraceHours)).Concat(SettingChecks.MoreThanZero(
            (nameof(WebhookPollSeconds), WebhookPollSeconds), (nameof(WebhookTimeoutSeconds), WebhookTimeoutSeconds),
            (nameof(WebhookDisableAfterHours), WebhookDisableAfterHours), (nameof(WebhookClaimMarginSeconds), WebhookClaimMarginSeconds)));
}
