using System.Text;
using Accountability.Api.Telemetry;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Security;

/// <summary>
/// The service's own process exporting its telemetry by OTLP/HTTP to a receiver on loopback, through a run that handles
/// every kind of secret: the spans, logs and metrics that reach the collector carry routes, never a key, secret, token
/// or session. A process of its own, because OpenTelemetry listens process-wide: a node hosted in the test process
/// would also export the test's own client calls (whose URLs hold the tokens) and every other test's requests.
/// </summary>
[Category("api")]
public sealed class TraceSecretTests
{
    [Test]
    public async Task No_key_webhook_secret_tracking_token_or_session_reaches_the_collector()
    {
        using var receiver = OtlpReceiver.Start();
        var adminKey = $"admin-{Guid.NewGuid():N}";
        var url = ServiceProcess.LoopbackUrl();
        await using var schema = new OwnSchema();
        List<string> secrets;
        using (var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["Accountability__Schema"] = schema.Name,
            [TelemetrySetup.EndpointVariable] = receiver.Endpoint.ToString(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "100",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["Accountability__AdminKey"] = adminKey,
            ["Accountability__RunScheduler"] = "false",
            ["Accountability__RunWebhooks"] = "true",
            ["Accountability__WebhookAllowedPrivateHosts__0"] = "127.0.0.1",
            ["Accountability__RunProjectionDaemon"] = "false",
        }, "--urls", url))
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            await ServiceProcess.WaitUntilLiveAsync(http);
            secrets = await SecretRun.RunAsync(new Uri(url), adminKey);
            var exported = await Eventually.HoldsWithinAsync(() =>
                SecretRun.Routes.All(receiver.Received("traces").Contains) && receiver.Received("traces").Contains(SecretRun.WebhookHost)
                && receiver.Received("logs").Length > 0 && receiver.Received("metrics").Length > 0, TimeSpan.FromSeconds(60));
            Assert.That(exported, Is.True, $"the receiver got the run's spans (by their routes and the webhook's host), logs and metrics. {service.Error}");
        }

        var leaked = SecretRun.WithBareForms(secrets).Where(secret => receiver.Bodies.Any(body => Contains(body, secret)));
        Assert.That(leaked, Is.Empty);
    }

    private static bool Contains(byte[] body, string secret) => body.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0;
}
