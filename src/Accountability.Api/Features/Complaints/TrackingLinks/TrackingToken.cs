using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Accountability.Api.Features.Complaints.TrackingLinks;

/// <summary>
/// The customer's key to their status page: 256 random bits, URL-safe. Only its SHA-256 is stored (in the complaint's
/// events and the page's read model), so neither the database nor the event stream can open a page.
/// </summary>
public static partial class TrackingToken
{
    public static (string Token, string Hash) New()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether the text could be a token at all; anything else is a miss without reaching the database.</summary>
    public static bool IsWellFormed(string? text) => text is not null && Shape().IsMatch(text);

    /// <summary>The customer's link, under the public address of status pages (<see cref="StatusPageAddress"/>).</summary>
    public static string Link(string publicBaseUrl, string token) => $"{publicBaseUrl.TrimEnd('/')}/status/{token}";

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Shape();
}
