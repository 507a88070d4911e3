using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Accountability.Api.Health;

/// <summary>
/// /health/live: the process answers (restart it if not). /health/ready: it can serve, because PostgreSQL answers and the
/// schema matches this build (take it out of the load balancer if not); degraded, not down, while events are set aside.
/// Neither needs a key.
/// </summary>
public static class HealthSetup
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddSingleton<SchemaCheck>();
        services.AddHealthChecks()
            .AddCheck<PostgresCheck>("postgres", tags: [Ready], timeout: TimeSpan.FromSeconds(5))
            .AddCheck<SchemaCheck>("schema", tags: [Ready], timeout: TimeSpan.FromSeconds(10))
            .AddCheck<SetAsideCheck>("setAside", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = HealthResponse.WriteAsync });
        return app;
    }
}
