using System.Text.Json;
using Accountability.Api.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Accountability.Api.Health;

/// <summary>
/// Each check's status and why. A failing answer (503) is also a problem document, as every error of this service is,
/// with the checks beside the standard fields.
/// </summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => new Check(
            e.Value.Status.ToString(), e.Value.Description ?? e.Value.Exception?.GetBaseException().Message, Math.Round(e.Value.Duration.TotalMilliseconds, 1)));
        var status = report.Status.ToString();
        if (report.Status == HealthStatus.Unhealthy)
        {
            var kind = ProblemKind.NotReady;
            var failing = string.Join(" ", checks.Where(c => c.Value.Status != nameof(HealthStatus.Healthy)).Select(c => $"{c.Key}: {c.Value.Description}"));
            http.Response.ContentType = ProblemResponse.ContentType;
            await JsonSerializer.SerializeAsync(http.Response.Body,
                new NotReady(kind.Type, kind.Title, kind.Status, failing, http.Request.Path, status, checks), Json, http.RequestAborted);
            return;
        }
        http.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(http.Response.Body, new Ready(status, checks), Json, http.RequestAborted);
    }

    private sealed record Check(string Status, string? Description, double DurationMs);

    private sealed record Ready(string Status, IReadOnlyDictionary<string, Check> Checks);

    private sealed record NotReady(
        string Type, string Title, int Status, string Detail, string Instance, string Health, IReadOnlyDictionary<string, Check> Checks);
}
