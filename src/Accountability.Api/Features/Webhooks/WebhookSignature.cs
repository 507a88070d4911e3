using System.Security.Cryptography;
using System.Text;

namespace Accountability.Api.Features.Webhooks;

/// <summary>Standard Webhooks signing: secrets are whsec_ + base64; a signature is v1, + base64 HMAC-SHA256 of id.timestamp.body.</summary>
public static class WebhookSignature
{
    private const string Prefix = "whsec_";

    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The webhook-signature header: one v1 signature per signing secret, space-separated.</summary>
    public static string Header(IEnumerable<string> secrets, string id, long timestamp, string body) =>
        string.Join(' ', secrets.Select(secret => Sign(secret, id, timestamp, body)));

    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var key = Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return $"v1,{Convert.ToBase64String(mac)}";
    }
}
