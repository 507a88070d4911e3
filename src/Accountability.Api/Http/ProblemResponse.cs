using System.Text.Json;
using System.Text.Json.Serialization;

namespace Accountability.Api.Http;

/// <summary>The RFC 9457 body every 4xx and 5xx of this service carries.</summary>
/// <param name="Type">What went wrong, as a URI to switch on: urn:accountability:problem:&lt;slug&gt; (docs/errors.md).</param>
/// <param name="Title">The kind of problem in a sentence; the same for every problem of its type.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Detail">What went wrong this time, in a sentence.</param>
/// <param name="Instance">The path of the request that failed.</param>
/// <param name="TraceId">The request's trace id, to quote when asking for help.</param>
/// <param name="Errors">What was wrong, by name: body fields by their JSON path, query parameters and headers by their name.</param>
public sealed record ProblemResponse(
    string Type,
    string Title,
    int Status,
    string? Detail,
    string? Instance,
    string? TraceId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IDictionary<string, string[]>? Errors)
{
    public const string ContentType = "application/problem+json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ProblemResponse For(HttpContext http, ProblemKind kind, string? detail, IDictionary<string, string[]>? errors = null) =>
        new(kind.Type, kind.Title, kind.Status, detail, http.Request.Path, http.TraceIdentifier, errors);

    public static async Task WriteAsync(HttpContext http, ProblemKind kind, string? detail, IDictionary<string, string[]>? errors = null)
    {
        http.Response.StatusCode = kind.Status;
        http.Response.ContentType = ContentType;
        if (kind.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = "5";
        await JsonSerializer.SerializeAsync(http.Response.Body, For(http, kind, detail, errors), Json, http.RequestAborted);
    }
}
