using System.Text.Json;
using System.Text.Json.Serialization;

namespace Accountability.Api.Http;

/// <summary>The RFC 9457 body every 4xx and 5xx of this service carries.</summary>
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
