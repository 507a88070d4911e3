using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Accountability.Api.Persistence;

/// <summary>A data protection key, kept in the database so that every node seals and opens the same forms.</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>ASP.NET Core's key ring in PostgreSQL. Its interface is synchronous; it is read once per key ring refresh (hours), not per request.</summary>
public sealed class DataProtectionKeyRepository(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return [.. session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(k => XElement.Parse(k.Xml))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        // Rare (a new key every 90 days) and off the request path, so blocking here is harmless.
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
