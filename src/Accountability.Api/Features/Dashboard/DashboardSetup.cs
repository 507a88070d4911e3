using Accountability.Api.Features.Dashboard.Overview;
using Marten;
using Microsoft.AspNetCore.Authentication;

namespace Accountability.Api.Features.Dashboard;

public static class DashboardSetup
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.ConfigureMarten(opts => opts.Schema.For<DashboardSession>().SingleTenanted());
        services.AddSingleton<DashboardSessions>();
        services.AddSingleton<DashboardForms>();
        services.AddAntiforgery(DashboardForms.Configure);
        services.AddSingleton<OverviewReader>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DashboardAuthenticationHandler>(DashboardAuthenticationHandler.SchemeName, null);
        return services;
    }
}
