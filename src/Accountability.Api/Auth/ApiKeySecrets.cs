using System.Security.Cryptography;
using System.Text;

namespace Accountability.Api.Auth;

/// <summary>
/// Keys look like <c>acc_{16 hex id}_{base64url secret}</c>: the id finds the stored key without a search,
/// the 256-bit secret is checked against its hash. High-entropy secrets need no slow hash.
/// </summary>
public static class ApiKeySecrets
{
    private const string Prefix = "acc_";
    private const int IdLength = 16;

    public static (string Id, string Key, string SecretHash) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}", Hash(secret));
    }

    public static bool TryParse(string? key, out string id, out string secret)
    {
        (id, secret) = ("", "");
        if (key is null || key.Length < Prefix.Length + IdLength + 2 || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + IdLength] != '_')
            return false;
        id = key.Substring(Prefix.Length, IdLength);
        secret = key[(Prefix.Length + IdLength + 1)..];
        return true;
    }

    public static bool Matches(string secret, string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(secretHash));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool SameSecret(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
