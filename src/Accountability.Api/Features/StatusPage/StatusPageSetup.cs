using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Persistence;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Accountability.Api.Features.StatusPage;

public static class StatusPageSetup
{
    /// <summary>The status pages: their document, kept inline with the complaint's events, and what renders and answers them.</summary>
    public static IServiceCollection AddStatusPages(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            opts.Projections.Add<StatusPageProjection>(ProjectionLifecycle.Inline);
            opts.Schema.For<StatusPageDocument>().MultiTenanted().Duplicate(p => p.TokenHash);
        });
        services.AddSingleton<StatusPageReader>();
        services.AddSingleton<StatusForms>();
        services.AddSingleton<RenderedPages>();
        services.AddSingleton<IComplaintWriteReaction, StatusPageReaction>();
        services.AddDataProtection().SetApplicationName("Accountability");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDocumentStore>((keys, store) => keys.XmlRepository = new DataProtectionKeyRepository(store));
        return services;
    }
}
