using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Accountability.Api.Health;

/// <summary>
/// Degraded (still ready: every other event is processed) while the projection daemon holds events set aside, naming
/// how many and by which projection or subscription, never by tenant (the probe needs no key). The command
/// `projections set-aside list` tells the rest. Every database is counted (decision 0049).
/// </summary>
public sealed class SetAsideCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var databases = await store.Storage.AllDatabases();
        var counts = (await Task.WhenAll(databases.Select(d => ((IEventDatabase)d).FetchDeadLetterCountsAsync(cancellationToken))))
            .SelectMany(c => c).ToList();
        var total = counts.Sum(c => c.Count);
        if (total == 0)
            return HealthCheckResult.Healthy("No event is set aside.");
        var where = string.Join(", ", counts.GroupBy(c => c.ProjectionName).OrderBy(g => g.Key).Select(g => $"{g.Sum(c => c.Count)} by {g.Key}"));
        return HealthCheckResult.Degraded(
            $"{total} event{(total == 1 ? " is" : "s are")} set aside ({where}): list them with `projections set-aside list`, retry them after a fix.");
    }
}
