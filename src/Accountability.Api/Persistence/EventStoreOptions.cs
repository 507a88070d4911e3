using System.Text.RegularExpressions;
using Accountability.Api.Configuration;

namespace Accountability.Api.Persistence;

/// <summary>Settings of the event store and of the background work that reads it.</summary>
public sealed partial class EventStoreOptions : ISettings
{
    /// <summary>PostgreSQL schema holding the event store and documents.</summary>
    public string Schema { get; set; } = "accountability";

    /// <summary>Apply schema changes at start (development); production applies them with the command line.</summary>
    public bool ApplySchemaOnStartup { get; set; } = true;

    /// <summary>
    /// Whether this node runs Marten's async projection daemon (scorecards, recurring problems). Any number of workers may:
    /// per projection, one leader at a time runs it (HotCold), and another takes over when it dies.
    /// </summary>
    public bool RunProjectionDaemon { get; set; } = true;

    /// <summary>How often a standing-by worker tries to take over a projection whose leader is gone.</summary>
    public double ProjectionLeaderPollSeconds { get; set; } = 5;

    /// <summary>
    /// Databases each holding a group of marketplaces, beside the master (the main connection string), which keeps the
    /// tenant registry, keys and sessions. Empty (the default): every marketplace in the one database (decision 0049).
    /// </summary>
    public List<TenantDatabaseGroup> TenantDatabases { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        if (!SchemaName().IsMatch(Schema))
            yield return $"{SettingChecks.Section}:{nameof(Schema)} must be a lower-case PostgreSQL name (letters, digits, _), not '{Schema}'";
        foreach (var problem in SettingChecks.MoreThanZero((nameof(ProjectionLeaderPollSeconds), ProjectionLeaderPollSeconds)))
            yield return problem;
        foreach (var problem in TenantDatabaseGroup.Problems(TenantDatabases))
            yield return problem;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();
}
