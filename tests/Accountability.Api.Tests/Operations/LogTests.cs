using Accountability.Api.Http;
using System.Net.Http.Json;
using System.Text.Json;
using Accountability.Api.Persistence;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Operations;

/// <summary>The service's own process writes JSON log lines that carry the request's correlation id and no secret.</summary>
[Category("api")]
public sealed class LogTests
{
    [Test]
    public async Task Each_request_is_logged_as_JSON_with_its_correlation_id_its_route_and_no_secret()
    {
        const string adminKey = "admin-key-never-logged-51c2";
        var url = ServiceProcess.LoopbackUrl();
        await using var schema = new OwnSchema();
        using var service = ServiceProcess.Start(new Dictionary<string, string?> { ["Accountability__AdminKey"] = adminKey, ["Accountability__Schema"] = schema.Name },
            "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await ServiceProcess.WaitUntilLiveAsync(http);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/tenants") { Content = JsonContent.Create(new { id = "x", name = "X" }) };
        request.Headers.Add(CorrelationId.Header, "trace-me-42");
        request.Headers.Add("X-Admin-Key", "wrong-" + adminKey);
        using var response = await http.SendAsync(request);
        var line = await LogLineAsync(service, "trace-me-42");

        Assert.That(line.GetProperty("Message").GetString(), Does.StartWith("POST /api/admin/tenants answered 401 in "));

        // Paths may carry ids and tokens: the log names the route they matched, never the path.
        var unguessable = Guid.NewGuid();
        using (var lookup = new HttpRequestMessage(HttpMethod.Get, $"/api/complaints/{unguessable}"))
        {
            lookup.Headers.Add(CorrelationId.Header, "trace-me-43");
            (await http.SendAsync(lookup)).Dispose();
        }
        Assert.That((await LogLineAsync(service, "trace-me-43")).GetProperty("Message").GetString(), Does.StartWith("GET /api/complaints/{id"));
        Assert.That(service.Output, Does.Not.Contain(unguessable.ToString()));
        Assert.That(service.Output + service.Error, Does.Not.Contain(adminKey));
        Assert.That(service.Output + service.Error, Does.Not.Contain(new Npgsql.NpgsqlConnectionStringBuilder(ServiceUnderTest.ConnectionString).Password!));
    }

    /// <summary>The request log's JSON line whose scopes carry the correlation id.</summary>
    private static async Task<JsonElement> LogLineAsync(ServiceProcess service, string correlationId)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(50))
        {
            foreach (var text in service.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var line = JsonDocument.Parse(text).RootElement;
                if (line.GetProperty("Category").GetString() == "Accountability.Api.Telemetry.RequestLog"
                    && line.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("CorrelationId", out var id) && id.GetString() == correlationId))
                    return line;
            }
        }
        Assert.Fail($"No request log line with correlation id {correlationId}:\n{service.Output}");
        return default;
    }
}
