namespace Accountability.Domain.Parties;

public enum PartyKind
{
    Store,
    Vendor,
    Customer,
}

/// <summary>A party that can hold a complaint: the marketplace itself or one of its vendors.</summary>
public sealed record Party(string Id, PartyKind Kind, string DisplayName)
{
    /// <summary>Every tenant has exactly one store party, the marketplace operator.</summary>
    public const string StoreId = "store";

    /// <summary>The customer acts on a complaint (answers, reopens) but never holds it.</summary>
    public const string CustomerId = "customer";
}
