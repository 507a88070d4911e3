using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Persistence;
using Marten;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace Accountability.Api.Features.StatusPage;

public static class StatusPageSetup
{
    public static IServiceCollection AddStatusPages(this IServiceCollection services)
    {
        services.AddSingleton<StatusPageReader>();
        services.AddSingleton<StatusForms>();
        services.AddSingleton<RenderedPages>();
        services.AddSingleton<IComplaintWriteReaction, StatusPagePreload>();
        services.AddDataProtection().SetApplicationName("Accountability");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDocumentStore>((keys, store) => keys.XmlRepository = new DataProtectionKeyRepository(store));
        return services;
    }
}
