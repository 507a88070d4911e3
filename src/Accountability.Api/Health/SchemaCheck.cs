using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Weasel.Core;

namespace Accountability.Api.Health;

/// <summary>
/// Whether the database holds every table, column, index and function this build expects. Comparing takes a few queries,
/// so a current schema is trusted for a while; a stale one is looked at again on every probe, to notice `db apply` at once.
/// </summary>
public sealed class SchemaCheck(IDocumentStore store, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan TrustCurrentFor = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim comparing = new(1, 1);
    private DateTimeOffset currentUntil = DateTimeOffset.MinValue;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await comparing.WaitAsync(cancellationToken);
        try
        {
            if (clock.GetUtcNow() < currentUntil)
                return Current;
            var migration = await store.Storage.Database.CreateMigrationAsync(cancellationToken);
            if (migration.Difference != SchemaPatchDifference.None)
                return HealthCheckResult.Unhealthy($"The schema is not current ({migration.Difference}): apply it with the command `db apply`.");
            currentUntil = clock.GetUtcNow() + TrustCurrentFor;
            return Current;
        }
        finally
        {
            comparing.Release();
        }
    }

    private static HealthCheckResult Current => HealthCheckResult.Healthy("The schema matches this version.");
}
