using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Webhooks;
using Accountability.Api.Telemetry;
using Accountability.Api.Tests.Infrastructure;
using Accountability.Api.Tests.Webhooks;

namespace Accountability.Api.Tests.Operations;

/// <summary>The product's counters, as a metrics exporter would read them, after real requests.</summary>
[Category("api")]
[NonParallelizable] // the product's meter is process-wide: another fixture's requests would add to these counts
public sealed class MetricsTests
{
    [Test]
    public async Task Filing_handing_off_flagging_and_delivering_are_counted()
    {
        using var meter = new Measurements();
        await using var receiver = await Receiver.StartAsync();
        await using var node = IsolatedNode.Start(runWebhooks: true);
        var market = await node.CreateMarketplaceAsync();
        await market.Photon.PostJsonAsync<EndpointWithSecret>("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "complaint.assigned" } }, 201);

        var held = await market.FileHeldByAsync("photon");
        await market.Photon.PostJsonAsync<ComplaintView>($"/api/complaints/{held.Id}/customer-redirections", new { redirectedTo = "store" });
        await receiver.WaitForAsync(1);

        Assert.That(meter.Count("accountability.complaints.filed", ("origin", "api")), Is.EqualTo(1));
        Assert.That(meter.Count("accountability.handoffs", ("origin", "api")), Is.EqualTo(1));
        Assert.That(meter.Count("accountability.flags.raised", ("rule", "customer-deflection")), Is.EqualTo(1));
        await Eventually.UntilAsync(() => meter.Count("accountability.webhook.deliveries", ("outcome", "delivered")) > 0, "the delivery counted");
        Assert.That(meter.Count("accountability.webhook.deliveries", ("outcome", "delivered")), Is.EqualTo(1));
    }

    /// <summary>Every measurement of the product's meter while it lives, with its tags.</summary>
    internal sealed class Measurements : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<(string Name, long Value, Dictionary<string, object?> Tags)> seen = new();

        public Measurements()
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ProductMetrics.MeterName)
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
                seen.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
            listener.Start();
        }

        public long Count(string name, (string Key, string Value) tag) =>
            seen.Where(m => m.Name == name && Equals(m.Tags.GetValueOrDefault(tag.Key), tag.Value)).Sum(m => m.Value);

        public void Dispose() => listener.Dispose();
    }
}
