using System.Text.Json;
using System.Text.Json.Nodes;
using Accountability.Domain.Rules;

namespace Accountability.Api.Tests.Infrastructure;

public static class PolicyJson
{
    /// <summary>The default policy as a client sends it back to PUT /policy: everything but its version.</summary>
    public static JsonObject Editable()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Policy.Default, ApiClient.Json))!.AsObject();
        json.Remove("version");
        return json;
    }
}
