using System.Text.Json.Nodes;

namespace Accountability.Api.Tests.Errors;

/// <summary>A write endpoint as the committed OpenAPI document describes it.</summary>
public sealed record WriteOperation(HttpMethod Method, string Template, JsonObject? BodySchema, bool AdminKey, bool IfMatch, bool IdempotencyKey)
{
    public string Name => $"{Method} {Template}";

    /// <summary>The status page's and the dashboard's forms are posted by browsers, form-encoded; everything else speaks JSON.</summary>
    public bool IsForm => Template.StartsWith("/status/", StringComparison.Ordinal) || Template.StartsWith("/dashboard/", StringComparison.Ordinal);

    public IEnumerable<string> Parameters => Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s[1..^1]);

    public static IReadOnlyList<WriteOperation> FromOpenApi(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        return [.. from route in document["paths"]!.AsObject()
            from operation in route.Value!.AsObject()
            where operation.Key is "post" or "put" or "patch" or "delete"
            let op = operation.Value!.AsObject()
            let headers = op["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "header").Select(p => (string)p!["name"]!).ToList() ?? []
            let body = op["requestBody"]?["content"]?["application/json"]?["schema"]
            select new WriteOperation(
                new HttpMethod(operation.Key.ToUpperInvariant()), route.Key,
                body is null ? null : Resolve(body.AsObject(), schemas),
                op["security"]?.ToJsonString().Contains("AdminKey", StringComparison.Ordinal) == true,
                headers.Contains("If-Match"), headers.Contains("Idempotency-Key"))];
    }

    /// <summary>Inlines every $ref, so the generator walks one tree.</summary>
    private static JsonObject Resolve(JsonObject schema, JsonObject schemas)
    {
        if (schema["$ref"] is { } reference)
            return Resolve(schemas[((string)reference!).Split('/')[^1]]!.AsObject(), schemas);
        var copy = schema.DeepClone().AsObject();
        if (copy["properties"] is JsonObject properties)
        {
            foreach (var name in properties.Select(p => p.Key).ToList())
                properties[name] = Resolve(properties[name]!.AsObject(), schemas);
        }
        if (copy["items"] is JsonObject items)
            copy["items"] = Resolve(items, schemas);
        return copy;
    }
}
