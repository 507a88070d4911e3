using Accountability.Api.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Accountability.Api.Health;

/// <summary>One round trip to each database.</summary>
public sealed class PostgresCheck(TenantDatabases databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var database in databases.All)
        {
            await using var command = database.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
        }
        return HealthCheckResult.Healthy("PostgreSQL answers.");
    }
}
