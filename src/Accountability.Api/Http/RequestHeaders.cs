namespace Accountability.Api.Http;

/// <summary>The HTTP headers that steer a write: If-Match (expected version) and Idempotency-Key (read by Commands/Idempotency).</summary>
public static class RequestHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";

    public static string ETag(long version) => $"\"{version}\"";

    /// <summary>The version named by If-Match, or null when the caller did not ask for a version check.</summary>
    public static long? ExpectedVersion(HttpContext http)
    {
        var value = http.Request.Headers.IfMatch.ToString().Trim();
        if (value is "" or "*")
            return null;
        var tag = value.StartsWith("W/", StringComparison.Ordinal) ? value[2..] : value;
        if (tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], out var version) && version > 0)
            return version;
        throw Invalid("If-Match", "If-Match must be an ETag this API returned, such as \"3\".");
    }

    /// <summary>A 400 naming the header and what is wrong with it.</summary>
    public static ProblemException Invalid(string header, string message) =>
        new(ProblemKind.Validation, message, new Dictionary<string, string[]> { [header] = [message] });
}
