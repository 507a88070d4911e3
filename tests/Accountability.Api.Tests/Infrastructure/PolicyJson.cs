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

    /// <summary>The default policy with every severity's deadlines set to these, and stalled holders escalating or not.</summary>
    public static JsonObject WithDeadlines(TimeSpan firstResponse, TimeSpan resolution, bool escalates)
    {
        var policy = Editable();
        foreach (var row in policy["stalledHolder"]!["deadlines"]!.AsArray())
            (row!["firstResponseHours"], row["resolutionHours"]) = (firstResponse.TotalHours, resolution.TotalHours);
        policy["stalledHolder"]!["escalates"] = escalates;
        return policy;
    }
}
