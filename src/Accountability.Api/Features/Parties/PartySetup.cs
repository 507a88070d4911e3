using Accountability.Domain.Parties;
using Marten;

namespace Accountability.Api.Features.Parties;

public static class PartySetup
{
    /// <summary>The tenants' registered parties, one document each.</summary>
    public static IServiceCollection AddParties(this IServiceCollection services) =>
        services.ConfigureMarten(opts => opts.Schema.For<Party>().MultiTenanted());
}
