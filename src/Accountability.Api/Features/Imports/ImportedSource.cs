using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;

namespace Accountability.Api.Features.Imports;

/// <summary>
/// A source imported into a tenant, with the fingerprint of the mapping it was read with: the same source read with
/// another mapping would mean other complaints, so that is refused unless the import replaces the source.
/// </summary>
/// <param name="Id">The source's name.</param>
/// <param name="Generation">How many times the source was replaced: its complaints' stream ids derive from it.</param>
/// <param name="Replaces">While a replacement is under way, the generation it replaces: an interrupted replacement run again finishes it.</param>
public sealed record ImportedSource(string Id, string Fingerprint, string Mapping, int Generation, DateTimeOffset ImportedAt, int? Replaces = null)
{
    public static string FingerprintOf(ImportMapping mapping) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(mapping))))[..16];

    public static string Canonical(ImportMapping mapping) =>
        JsonSerializer.Serialize(mapping with { Unknown = null }, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>The message that refuses another mapping for a source and says how to replace it.</summary>
    public string RefusalFor(string tenantId, int complaints) =>
        $"The source '{Id}' was imported into '{tenantId}' on {ImportedAt:yyyy-MM-dd HH:mm} UTC with another mapping (fingerprint {Fingerprint}); " +
        $"this mapping's complaints would differ. To replace them, import again with --replace (\"replace\": true in the API): " +
        $"the {complaints:N0} complaints imported from '{Id}' are removed and the file imported again, one transaction per batch of cases.";
}

public sealed class ImportRefusedException(string message) : Exception(message);

public static class ImportStorage
{
    public static void AddImports(this StoreOptions opts)
    {
        opts.Schema.For<ImportedSource>().MultiTenanted();
        opts.Schema.For<ImportedCase>().MultiTenanted();
    }
}
