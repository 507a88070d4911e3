using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Policies;

/// <summary>A tenant's current policy; tenants that never replaced theirs use <see cref="Policy.Default"/>.</summary>
public sealed record PolicyDocument(string Id, Policy Policy, DateTimeOffset UpdatedAt, string UpdatedByKey)
{
    public const string CurrentId = "current";

    public static Policy Current(PolicyDocument? stored) => stored?.Policy ?? Policy.Default;
}
