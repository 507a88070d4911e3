using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Accountability.Api.Telemetry;

/// <summary>
/// Traces, metrics (ASP.NET Core, HttpClient, Npgsql, Marten, the product's counters) and logs exported by OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT names a collector; without one, nothing is collected or sent.
/// </summary>
public static class TelemetrySetup
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Marten's activity source and meter.</summary>
    private const string Marten = "Marten";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointVariable]))
            return builder;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "accountability",
                serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(), serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health");
                    // As in the request log: a path may carry a customer's tracking token, its route never does.
                    o.EnrichWithHttpResponse = (span, response) => span.SetTag("url.path", RequestLog.Route(response.HttpContext));
                })
                // A webhook URL's path may be its secret (as in chat services' incoming hooks): spans keep the host only.
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (span, request) =>
                    span.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority)))
                .AddNpgsql()
                .AddSource(Marten))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddMeter("Npgsql", Marten, ProductMetrics.MeterName))
            .UseOtlpExporter();
        return builder;
    }
}
