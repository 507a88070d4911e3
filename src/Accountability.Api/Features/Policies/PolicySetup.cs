using Marten;

namespace Accountability.Api.Features.Policies;

public static class PolicySetup
{
    /// <summary>Each tenant's policy, one document.</summary>
    public static IServiceCollection AddPolicies(this IServiceCollection services) =>
        services.ConfigureMarten(opts => opts.Schema.For<PolicyDocument>().MultiTenanted());
}
