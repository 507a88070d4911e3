namespace Accountability.Domain.Parties;

/// <summary>What kind of party it is: Store (the marketplace operator) or Vendor (a seller on it); no registered party is a Customer.</summary>
public enum PartyKind
{
    Store,
    Vendor,
    Customer,
}

/// <summary>A party that can hold a complaint: the marketplace itself or one of its vendors.</summary>
/// <param name="Id">The party's id: store for the marketplace, a vendor's slug otherwise.</param>
/// <param name="Kind">Store or Vendor.</param>
/// <param name="DisplayName">The party's name as people read it.</param>
public sealed record Party(string Id, PartyKind Kind, string DisplayName)
{
    /// <summary>Every tenant has exactly one store party, the marketplace operator.</summary>
    public const string StoreId = "store";

    /// <summary>The customer acts on a complaint (answers, reopens) but never holds it.</summary>
    public const string CustomerId = "customer";
}
