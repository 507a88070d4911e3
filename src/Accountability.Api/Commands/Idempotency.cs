using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Accountability.Api.Auth;
using Accountability.Api.Http;

namespace Accountability.Api.Commands;

/// <param name="Id">Unique per acting party: two parties may use the same key without colliding.</param>
/// <param name="Fingerprint">Hash of the request, to refuse the same key sent with a different request.</param>
public sealed record Idempotency(string Id, string Fingerprint);

/// <summary>Reads the Idempotency-Key header (named apart from FastEndpoints' own Idempotency() of an endpoint).</summary>
public static class IdempotencyKeys
{
    /// <summary>The caller's Idempotency-Key with a fingerprint of the request, or null when none was sent.</summary>
    public static Idempotency? Of(HttpContext http, object request)
    {
        var key = http.Request.Headers[RequestHeaders.IdempotencyKey].ToString();
        if (key.Length == 0)
            return null;
        if (key.Length > 200 || key.Any(char.IsControl))
            throw RequestHeaders.Invalid(RequestHeaders.IdempotencyKey, "Idempotency-Key must be 1 to 200 printable characters.");
        var body = JsonSerializer.Serialize(request, request.GetType());
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}\n{body}")));
        return new Idempotency($"{http.User.PartyId()}:{key}", fingerprint);
    }
}
