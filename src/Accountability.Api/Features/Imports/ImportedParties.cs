using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Accountability.Domain.Parties;

namespace Accountability.Api.Features.Imports;

/// <summary>
/// Turns the names in a log's party column into party ids, by the rules a party registered through the API obeys.
/// A name is the party of its slug ("Group 56" is group-56); a name with no Latin letter or digit gets an id from its
/// hash. Two names are one party only when they differ in case alone: any other name whose id is taken (by a
/// registered party or an earlier row) is refused, never merged.
/// </summary>
public sealed partial class ImportedParties(IEnumerable<Party> known)
{
    private readonly Dictionary<string, Party> byId = known.ToDictionary(p => p.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, Party> added = new(StringComparer.Ordinal);

    /// <summary>The vendors that the names introduced, to register with the import.</summary>
    public IReadOnlyCollection<Party> New => added.Values;

    public IEnumerable<Party> All => byId.Values;

    public (string? Id, string? Problem) IdOf(string name)
    {
        name = name.Trim();
        if (PartyRules.DisplayNameProblem(name) is { } badName)
            return (null, badName);
        var id = IdFor(name);
        if (PartyRules.IsReserved(id))
            return (null, $"it would be the party id '{id}', which is reserved: the product acts under it itself");
        if (byId.TryGetValue(id, out var party))
            return IsNameOf(name, party) ? (id, null)
                : (null, $"it would be the party id '{id}', which is already \"{party.DisplayName}\"; two names are never merged into one party");
        var vendor = new Party(id, PartyKind.Vendor, name);
        byId[id] = added[id] = vendor;
        return (id, null);
    }

    private static bool IsNameOf(string name, Party party) => string.Equals(name, party.DisplayName.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Lowercase letters, digits and dashes, at most 63; from the name's hash when it has no Latin letter or digit.</summary>
    public static string IdFor(string name)
    {
        var slug = NotSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        if (slug.Length == 0)
            return $"party-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim().ToLowerInvariant())))[..12]}";
        return slug.Length <= PartyRules.MaxIdLength ? slug : slug[..PartyRules.MaxIdLength].TrimEnd('-');
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
