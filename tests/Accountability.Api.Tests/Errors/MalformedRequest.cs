using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Accountability.Api.Tests.Infrastructure;

namespace Accountability.Api.Tests.Errors;

/// <summary>
/// One request of the corpus: which endpoint, the one thing wrong with it, the bytes to send, and what the answer must
/// name in its <c>errors</c>: the field's JSON path, the header or the parameter (null: a page's form, checked for a 4xx problem only).
/// A route id, or a key that may not see what it names, may instead be answered 403, 404 or 409 about the resource.
/// </summary>
public sealed record MalformedRequest(
    string Endpoint, string Defect, HttpMethod Method, string Path, byte[]? Body, string? ContentType,
    IReadOnlyList<KeyValuePair<string, string>> Headers, string? Names, bool InRoute = false)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (!string.IsNullOrEmpty(ContentType))
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }
        // The service refuses a large body before reading it and closes the connection: ask before sending the body,
        // as a careful client does, and do not reuse the connection.
        message.Headers.ConnectionClose = message.Headers.ExpectContinue = Body?.Length > 32 * 1024;
        foreach (var (name, value) in Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        return message;
    }

    /// <summary>Whether the problem's errors name the defect: the key itself, an item or member below it, or the object holding it.</summary>
    public bool IsNamedBy(IEnumerable<string> keys, int status) => Names is null || (InRoute && status is 403 or 404 or 409) || keys.Any(key =>
        key.Equals(Names, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(Names + "[", StringComparison.OrdinalIgnoreCase) || key.StartsWith(Names + ".", StringComparison.OrdinalIgnoreCase)
        || Names.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase) || Names.StartsWith(key + "[", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => $"{Method} {Path[..Math.Min(Path.Length, 120)]} ({Defect})";
}

/// <summary>The real ids and keys of the seeded marketplace the corpus aims at.</summary>
public sealed record CorpusTargets(
    string OperatorKey, string VendorKey, string OtherTenantKey, string AdminKey, string TrackingToken, string FormSeal,
    IReadOnlyDictionary<string, string> Ids)
{
    /// <summary>A body the operation accepts: plausible values, with real parties, ids and event types where a plausible "x" is refused.</summary>
    public JsonObject ValidBody(ApiOperation operation)
    {
        var body = JsonDefects.Plausible(operation.BodySchema!);
        JsonObject webhook = new() { ["url"] = "http://127.0.0.1:9/hook", ["eventTypes"] = new JsonArray("complaint.assigned") };
        JsonObject Euros() => new() { ["amount"] = 19.99m, ["currency"] = "EUR" };
        var policy = PolicyJson.Editable();
        policy["defaultClaim"] = Euros();
        JsonObject overrides = operation.Name switch
        {
            "POST /api/complaints" => new() { ["vendorId"] = "acme", ["claim"] = Euros() },
            "POST /api/complaints/{id}/resolution" => new() { ["remedyKind"] = "Refund", ["amount"] = Euros(), ["bearers"] = null },
            "POST /api/complaints/{id}/charges/{chargeId}/reversal" => new() { ["replacement"] = new JsonObject { ["party"] = "photon", ["amount"] = Euros() } },
            "POST /api/complaints/{id}/charges/{chargeId}/appeal/decision" =>
                new() { ["outcome"] = "Overturned", ["replacement"] = new JsonObject { ["party"] = "photon", ["amount"] = Euros() } },
            "POST /api/webhooks" => webhook,
            "PUT /api/webhooks/{id}" => webhook,
            "PUT /api/policy" => policy,
            "POST /api/policy/what-if" => new() { ["candidate"] = policy.DeepClone(), ["to"] = "2026-02-01T00:00:00Z" },
            "POST /api/problems/{id}/links" => new() { ["complaintId"] = Ids["complaints"] },
            "POST /api/complaints/{id}/evidence-requests" => new() { ["party"] = "acme", ["dueBy"] = null, ["dueInHours"] = 12 },
            "POST /api/imports" => new()
            {
                ["mapping"] = new JsonObject { ["caseId"] = "case", ["timestamp"] = "at", ["timestampFormat"] = "yyyy-MM-dd", ["party"] = "team" },
                ["csv"] = "case,at,team\n",
                ["jsonl"] = null, // a CSV mapping takes its log as csv alone
            },
            _ => [],
        };
        foreach (var (name, value) in overrides)
            body[name] = value?.DeepClone();
        return body;
    }

    /// <summary>The real id for a path parameter, found by the collection the parameter follows (complaints/{id}).</summary>
    public string IdFor(string template, string parameter)
    {
        var segments = template.Split('/');
        var at = Array.IndexOf(segments, $"{{{parameter}}}");
        return Ids[segments[at - 1]];
    }
}
