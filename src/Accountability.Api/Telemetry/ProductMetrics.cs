using System.Diagnostics.Metrics;

namespace Accountability.Api.Telemetry;

/// <summary>
/// The product's own counters, on the meter "Accountability". Events are counted once they are committed, tagged with
/// where they came from (api, import, scheduler); webhook attempts by what they led to; events the background work set
/// aside by the projection or subscription that could not process them.
/// </summary>
public static class ProductMetrics
{
    public const string MeterName = "Accountability";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> ComplaintsFiled =
        Meter.CreateCounter<long>("accountability.complaints.filed", "{complaint}", "Complaints filed, or imported from another system.");

    public static readonly Counter<long> Handoffs =
        Meter.CreateCounter<long>("accountability.handoffs", "{handoff}", "Complaints handed from one party to another.");

    public static readonly Counter<long> FlagsRaised =
        Meter.CreateCounter<long>("accountability.flags.raised", "{flag}", "Flags the rules raised, tagged with the rule.");

    public static readonly Counter<long> WebhookDeliveries =
        Meter.CreateCounter<long>("accountability.webhook.deliveries", "{attempt}", "Webhook attempts, by outcome: delivered, retrying or dead_letter.");

    public static readonly Counter<long> EventsSetAside =
        Meter.CreateCounter<long>("accountability.events.set_aside", "{event}", "Events a projection or subscription could not process and set aside, tagged with its name (processor).");

    public static readonly Counter<long> ApiKeyLookups =
        Meter.CreateCounter<long>("accountability.api_keys.lookups", "{lookup}",
            "Database lookups of an API key id this node had not cached, tagged found: many unfound ones are someone guessing keys.");

    public static void ApiKeyLookup(bool found) => ApiKeyLookups.Add(1, new KeyValuePair<string, object?>("found", found));

    /// <param name="outcome">delivered, retrying or dead_letter.</param>
    public static void WebhookAttempt(string outcome) => WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
