using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Accountability.Client;

/// <summary>
/// Checks a webhook delivery as Standard Webhooks (https://www.standardwebhooks.com/) defines it: the webhook-signature
/// header holds one or more space-separated "v1,&lt;base64&gt;" signatures, each an HMAC-SHA256, keyed by the endpoint's
/// secret (whsec_ + base64), of "{webhook-id}.{webhook-timestamp}.{body}". One matching signature is enough: while a
/// secret is being rotated the service signs with the old and the new one. A timestamp further than the tolerance from
/// now is refused, so a captured delivery cannot be replayed later.
/// </summary>
public sealed class WebhookVerifier
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    private const string SecretPrefix = "whsec_";
    private readonly byte[] key;
    private readonly TimeProvider clock;
    private readonly TimeSpan tolerance;

    /// <param name="secret">The endpoint's signing secret as the API returned it (whsec_...).</param>
    /// <param name="tolerance">How far the timestamp may be from now, either way; 5 minutes when left out.</param>
    /// <param name="clock">The receiver's clock; the system's when left out.</param>
    public WebhookVerifier(string secret, TimeSpan? tolerance = null, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        key = Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
        this.tolerance = tolerance ?? TimeSpan.FromMinutes(5);
        this.clock = clock ?? TimeProvider.System;
    }

    /// <summary>Checks a delivery; throws <see cref="WebhookVerificationException"/> naming what is wrong.</summary>
    /// <param name="body">The request body exactly as received, before any parsing.</param>
    /// <param name="id">The webhook-id header: the delivery's id, the same on each retry.</param>
    /// <param name="timestamp">The webhook-timestamp header: when it was sent, in seconds since 1970.</param>
    /// <param name="signatures">The webhook-signature header: space-separated "v1,&lt;base64&gt;" signatures.</param>
    public void Verify(string body, string? id, string? timestamp, string? signatures)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
            throw new WebhookVerificationException($"The {IdHeader}, {TimestampHeader} and {SignatureHeader} headers are required.");
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            throw new WebhookVerificationException($"The {TimestampHeader} header is not a number of seconds.");
        var sentAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((clock.GetUtcNow() - sentAt).Duration() > tolerance)
            throw new WebhookVerificationException($"The {TimestampHeader} ({sentAt:O}) is more than {tolerance} from now.");

        var expected = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        foreach (var signature in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = signature.Split(',', 2);
            if (parts is ["v1", var encoded] && TryDecode(encoded, out var given) && CryptographicOperations.FixedTimeEquals(given, expected))
                return;
        }
        throw new WebhookVerificationException("No v1 signature matches the body with this secret.");
    }

    /// <summary>Checks a delivery by its headers (looked up whatever their case); throws <see cref="WebhookVerificationException"/>.</summary>
    public void Verify(string body, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
    {
        var byName = headers.ToDictionary(h => h.Key, h => string.Join(' ', h.Value), StringComparer.OrdinalIgnoreCase);
        Verify(body, byName.GetValueOrDefault(IdHeader), byName.GetValueOrDefault(TimestampHeader), byName.GetValueOrDefault(SignatureHeader));
    }

    /// <summary>Whether a delivery is genuine and fresh.</summary>
    public bool IsValid(string body, string? id, string? timestamp, string? signatures)
    {
        try
        {
            Verify(body, id, timestamp, signatures);
            return true;
        }
        catch (WebhookVerificationException)
        {
            return false;
        }
    }

    private static bool TryDecode(string base64, out byte[] bytes)
    {
        bytes = new byte[(base64.Length * 3 + 3) / 4];
        if (Convert.TryFromBase64String(base64, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}

/// <summary>A webhook delivery that is not genuine, or too old (or too far ahead) to trust.</summary>
public sealed class WebhookVerificationException(string message) : Exception(message);
