using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Accountability.Api.Auth;

namespace Accountability.Api.Http;

/// <summary>The HTTP headers that steer a write: If-Match (expected version) and Idempotency-Key.</summary>
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

    public static Idempotency? IdempotencyOf(HttpContext http, object request)
    {
        var key = http.Request.Headers[IdempotencyKey].ToString();
        if (key.Length == 0)
            return null;
        if (key.Length > 200 || key.Any(char.IsControl))
            throw Invalid(IdempotencyKey, "Idempotency-Key must be 1 to 200 printable characters.");
        var body = JsonSerializer.Serialize(request, request.GetType());
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n{body}")));
        return new Idempotency($"{http.User.PartyId()}:{key}", fingerprint);
    }

    private static ProblemException Invalid(string header, string message) =>
        new(ProblemKind.Validation, message, new Dictionary<string, string[]> { [header] = [message] });
}

/// <param name="Id">Unique per acting party: two parties may use the same key without colliding.</param>
/// <param name="Fingerprint">Hash of the request, to refuse the same key sent with a different request.</param>
public sealed record Idempotency(string Id, string Fingerprint);
