using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Health;

/// <summary>
/// Whether the database holds every table, column and function this build needs. A schema that also holds more (a
/// newer version's columns, applied during a rolling upgrade) still serves this build: it is reported, not unready.
/// Comparing takes a few queries, so a usable schema is trusted for a while; a lacking one is looked at on every probe.
/// Every database is compared (decision 0049).
/// </summary>
public sealed class SchemaCheck(IDocumentStore store, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan TrustFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim comparing = new(1, 1);
    private (DateTimeOffset Until, HealthCheckResult Result)? trusted;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await comparing.WaitAsync(cancellationToken);
        try
        {
            if (trusted is { } known && clock.GetUtcNow() < known.Until)
                return known.Result;
            var migrations = new List<SchemaMigration>();
            foreach (var database in await store.Storage.AllDatabases())
                migrations.Add(await database.CreateMigrationAsync(cancellationToken));
            var lacking = migrations.SelectMany(m => m.Deltas).Where(Lacks).Select(d => d.SchemaObject.Identifier.QualifiedName).Distinct().ToList();
            if (lacking.Count > 0)
                return HealthCheckResult.Unhealthy($"The schema lacks what this version needs ({string.Join(", ", lacking.Take(3))}): apply it with the command `db apply`.");
            var result = migrations.All(m => m.Difference == SchemaPatchDifference.None)
                ? HealthCheckResult.Healthy("The schema matches this version.")
                : HealthCheckResult.Degraded("The schema holds all this version needs, and more (another version's changes).");
            trusted = (clock.GetUtcNow() + TrustFor, result);
            return result;
        }
        finally
        {
            comparing.Release();
        }
    }

    /// <summary>A missing object, or a table missing one of its columns; extra columns and changed indexes do not stop this build.</summary>
    private static bool Lacks(ISchemaObjectDelta delta) => delta.Difference is SchemaPatchDifference.Create or SchemaPatchDifference.Invalid
        || (delta is TableDelta { Expected: { } expected, Actual: { } actual } && expected.Columns.Any(c => !actual.HasColumn(c.Name)));
}
