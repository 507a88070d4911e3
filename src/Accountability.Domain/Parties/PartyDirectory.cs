namespace Accountability.Domain.Parties;

/// <summary>The parties of one tenant, as the decisions need them.</summary>
public sealed class PartyDirectory(IEnumerable<Party> parties)
{
    private readonly Dictionary<string, Party> byId = parties.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public Party? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Only the store and vendors hold complaints; the customer owns them.</summary>
    public bool CanHold(string id) => Find(id) is { Kind: PartyKind.Store or PartyKind.Vendor };

    public string NameOf(string id) => Find(id)?.DisplayName ?? id;
}
