using System.Net;
using System.Text.Json;
using Accountability.Api.Tests.Infrastructure;
using Npgsql;

namespace Accountability.Api.Tests.Operations;

/// <summary>Liveness and readiness, as a load balancer or Kubernetes probes them: no key, JSON answers.</summary>
[Category("api")]
public sealed class HealthTests
{
    [Test]
    public async Task A_running_node_is_live_and_ready_without_a_key()
    {
        using var live = await ApiClient.Anonymous.GetAsync("/health/live");
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(JsonDocument.Parse(await live.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString(), Is.EqualTo("Healthy"));

        using var ready = await ApiClient.Anonymous.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(body.GetProperty("checks").GetProperty("schema").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task A_node_whose_schema_was_not_applied_is_live_but_not_ready()
    {
        await using var schema = new OwnSchema();
        await using var node = new ServiceNode(runScheduler: false, settings: new Dictionary<string, string>
        {
            ["Accountability:Schema"] = schema.Name,
            ["Accountability:ApplySchemaOnStartup"] = "false",
        });
        using var http = node.CreateClient();

        using var live = await http.GetAsync("/health/live");
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var problem = await NotReadyAsync(http);
        Assert.That(problem.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("schema: The schema lacks what this version needs").And.Contain("db apply"));
    }

    [Test]
    public async Task A_node_stays_ready_when_a_newer_version_has_added_to_its_schema()
    {
        await using var schema = new OwnSchema();
        await using var node = new ServiceNode(runScheduler: false, settings: new Dictionary<string, string> { ["Accountability:Schema"] = schema.Name });
        using var http = node.CreateClient();
        await SqlAsync($"ALTER TABLE {schema.Name}.mt_doc_party ADD COLUMN added_by_a_newer_version text");

        using var ready = await http.GetAsync("/health/ready");
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("checks").GetProperty("schema").GetProperty("status").GetString(), Is.EqualTo("Degraded"));
    }

    private static async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<JsonElement> NotReadyAsync(HttpClient http)
    {
        using var ready = await http.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(ready.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:accountability:problem:not-ready"));
        return problem;
    }
}
