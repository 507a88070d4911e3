using Accountability.Api.Configuration;

namespace Accountability.Api.Persistence;

/// <summary>A database holding the rows of a group of marketplaces: their events, documents and the tables beside them.</summary>
public sealed class TenantDatabaseGroup
{
    public const string MasterName = "master";

    public string Name { get; set; } = "";

    public string ConnectionString { get; set; } = "";

    public List<string> Tenants { get; set; } = [];

    /// <summary>What is wrong with the groups; never quotes a connection string, which may hold a password.</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<TenantDatabaseGroup> groups)
    {
        var setting = $"{SettingChecks.Section}:{nameof(EventStoreOptions.TenantDatabases)}";
        for (var i = 0; i < groups.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(groups[i].Name) || groups[i].Name == MasterName)
                yield return $"{setting}:{i}:{nameof(Name)} must name the group (and not '{MasterName}')";
            if (string.IsNullOrWhiteSpace(groups[i].ConnectionString))
                yield return $"{setting}:{i}:{nameof(ConnectionString)} is missing";
            if (groups[i].Tenants.Count == 0)
                yield return $"{setting}:{i}:{nameof(Tenants)} lists no marketplace";
        }
        foreach (var name in groups.GroupBy(g => g.Name).Where(g => g.Count() > 1))
            yield return $"{setting}: the group name '{name.Key}' is used more than once";
        foreach (var tenant in groups.SelectMany(g => g.Tenants).GroupBy(t => t).Where(t => t.Count() > 1))
            yield return $"{setting}: the marketplace '{tenant.Key}' is in more than one group";
    }
}
