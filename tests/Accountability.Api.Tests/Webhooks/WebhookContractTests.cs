using System.Text.Json;
using Accountability.Api.Features.Webhooks;
using Accountability.Domain.Complaints;

namespace Accountability.Api.Tests.Webhooks;

/// <summary>The receiver's contract stays whole as types and events are added: every type documented and in a schema, every event named.</summary>
[Category("api")]
public sealed class WebhookContractTests
{
    private static JsonElement Schema(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), "openapi", name))).RootElement;

    private static IEnumerable<string> Enum(JsonElement schema, string property) =>
        schema.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);

    [Test]
    public void Every_type_is_a_row_of_the_table_in_docs_webhooks_md_and_in_one_payload_schema()
    {
        var docs = File.ReadAllLines(Path.Combine(OpenApi.OpenApiDocumentTests.RepositoryRoot(), "docs", "webhooks.md"));
        var types = Enum(Schema("webhook-payload.schema.json"), "type").Concat(Enum(Schema("problem-webhook-payload.schema.json"), "type"))
            .Concat(Enum(Schema("standing-webhook-payload.schema.json"), "type"))
            .Concat(Enum(Schema("statement-webhook-payload.schema.json"), "type")).ToList();
        foreach (var type in WebhookEventTypes.All)
        {
            Assert.That(docs.Count(l => l.StartsWith($"| `{type}` |", StringComparison.Ordinal)), Is.EqualTo(1), $"{type}: one row in the table");
            Assert.That(types.Count(t => t == type), Is.EqualTo(1), $"{type}: in one schema");
        }
        Assert.That(types, Is.EquivalentTo(WebhookEventTypes.All));
    }

    [Test]
    public void Every_complaint_event_is_named_in_the_complaint_payload_schema()
    {
        // An accountability change may follow any event, so a new event is a new value of `event` receivers may see.
        var events = typeof(Complaint).Assembly.GetTypes().Where(t => t.IsClass && typeof(IComplaintEvent).IsAssignableFrom(t)).Select(t => t.Name)
            .Append(nameof(DeadlineApproaching));
        Assert.That(Enum(Schema("webhook-payload.schema.json"), "event"), Is.EquivalentTo(events));
    }
}
