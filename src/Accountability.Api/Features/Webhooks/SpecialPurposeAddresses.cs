using System.Net;
using Microsoft.VisualBasic.FileIO;

namespace Accountability.Api.Features.Webhooks;

/// <summary>One block of the IANA special-purpose address registries (or of the few ranges kept beside them).</summary>
public sealed record SpecialPurposeBlock(string Registry, IPNetwork Block, string Name, string Rfc, bool? GloballyReachable);

/// <summary>The registries' rows, read from the dated copy committed as special-purpose-addresses.csv.</summary>
public static class SpecialPurposeAddresses
{
    public static IReadOnlyList<SpecialPurposeBlock> All { get; } = Load();

    /// <summary>The most specific block holding the address: the registries mark exceptions by a longer prefix.</summary>
    public static SpecialPurposeBlock? MostSpecific(IPAddress address) =>
        All.Where(b => b.Block.BaseAddress.AddressFamily == address.AddressFamily && b.Block.Contains(address)).MaxBy(b => b.Block.PrefixLength);

    private static List<SpecialPurposeBlock> Load()
    {
        using var stream = typeof(SpecialPurposeAddresses).Assembly.GetManifestResourceStream("special-purpose-addresses.csv")!;
        using var csv = new TextFieldParser(stream) { CommentTokens = ["#"], Delimiters = [","], HasFieldsEnclosedInQuotes = true };
        var header = csv.ReadFields()!;
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"No column {name}");
        var (registry, block, name, rfc, reachable) =
            (Column("Registry"), Column("Address Block"), Column("Name"), Column("RFC"), Column("Globally Reachable"));
        var blocks = new List<SpecialPurposeBlock>();
        while (csv.ReadFields() is { } row)
            blocks.Add(new SpecialPurposeBlock(row[registry], IPNetwork.Parse(FirstWord(row[block])), row[name], row[rfc],
                FirstWord(row[reachable]) switch { "True" => true, "False" => false, _ => null }));
        return blocks;
    }

    /// <summary>The registries' exports carry footnote marks after a value ("192.0.0.0/24 [2]", "False [1]").</summary>
    private static string FirstWord(string field) => field.Trim().Split(' ')[0];
}
