namespace Accountability.Domain.Parties;

/// <summary>The parties of one tenant, as the decisions need them.</summary>
public sealed class PartyDirectory(IEnumerable<Party> parties)
{
    private readonly Dictionary<string, Party> byId = parties.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public Party? Find(string id) => byId.GetValueOrDefault(id);

    /// <summary>Only the store and vendors hold complaints; the customer owns them, and no vendor holds under a reserved id.</summary>
    public bool CanHold(string id) => Find(id) switch
    {
        { Kind: PartyKind.Store } => true,
        { Kind: PartyKind.Vendor } => !PartyRules.IsReserved(id),
        _ => false,
    };

    public string NameOf(string id) => Find(id)?.DisplayName ?? id;
}
