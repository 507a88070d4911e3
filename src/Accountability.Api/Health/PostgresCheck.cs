using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Accountability.Api.Health;

/// <summary>One round trip to PostgreSQL.</summary>
public sealed class PostgresCheck(NpgsqlDataSource database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(cancellationToken);
        return HealthCheckResult.Healthy("PostgreSQL answers.");
    }
}
