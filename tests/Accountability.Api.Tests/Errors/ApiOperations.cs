using System.Text.Json.Nodes;

namespace Accountability.Api.Tests.Errors;

/// <summary>An operation of the committed OpenAPI document: its route, query parameters, body, headers and key.</summary>
public sealed record ApiOperation(
    HttpMethod Method, string Template, JsonObject? BodySchema, IReadOnlyDictionary<string, JsonObject> Query, bool AdminKey, bool IfMatch, bool IdempotencyKey)
{
    public string Name => $"{Method} {Template}";

    /// <summary>The status page's and the dashboard's forms are posted by browsers, form-encoded; everything else speaks JSON.</summary>
    public bool IsForm => IsPage && Method != HttpMethod.Get;

    public bool IsPage => Template.StartsWith("/status/", StringComparison.Ordinal) || Template.StartsWith("/dashboard", StringComparison.Ordinal);

    public bool IsRead => Method == HttpMethod.Get;

    /// <summary>
    /// The complaint page's action forms: the corpus has no dashboard session, so each is answered 401 before its route's
    /// id is read; their ids are tested signed in (Dashboard/ActionFormTests: another marketplace's complaint is a 404).
    /// </summary>
    public bool IsSignedInForm => IsForm && Template.StartsWith("/dashboard/complaints/", StringComparison.Ordinal);

    public IEnumerable<string> Parameters => Template.Split('/').Where(s => s.StartsWith('{')).Select(s => s[1..^1]);

    /// <summary>Every operation of the API and every form of the pages; the pages' HTML reads are left to their own tests.</summary>
    public static IReadOnlyList<ApiOperation> FromOpenApi(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var schemas = document["components"]!["schemas"]!.AsObject();
        return [.. from route in document["paths"]!.AsObject()
            from operation in route.Value!.AsObject()
            let op = operation.Value!.AsObject()
            let parameters = op["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? []
            let headers = parameters.Where(p => (string?)p["in"] == "header").Select(p => (string)p["name"]!).ToList()
            let body = op["requestBody"]?["content"]?["application/json"]?["schema"]
            select new ApiOperation(
                new HttpMethod(operation.Key.ToUpperInvariant()), route.Key,
                body is null ? null : Resolve(body.AsObject(), schemas),
                parameters.Where(p => (string?)p["in"] == "query").ToDictionary(p => (string)p["name"]!, p => Resolve(p["schema"]!.AsObject(), schemas)),
                op["security"]?.ToJsonString().Contains("AdminKey", StringComparison.Ordinal) == true,
                headers.Contains("If-Match"), headers.Contains("Idempotency-Key")) into o
            where !(o.IsPage && o.IsRead)
            select o];
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
