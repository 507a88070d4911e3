using System.Text.Json.Serialization.Metadata;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Policies;

/// <summary>
/// A rule's settings sent without one of their values are refused, never read as false, Low or 0: the policy decides
/// who is flagged and escalated, and a value left out would silently switch a rule off.
/// </summary>
public static class PolicySettingsBinding
{
    public static void RequireEveryValue(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object
            || !(typeof(IRuleSettings).IsAssignableFrom(type.Type) || type.Type == typeof(DeadlineRow) || type.Type == typeof(RecurringProblemSettings)
                || type.Type == typeof(StepInSettings) || type.Type == typeof(DefaultJudgmentSettings) || type.Type == typeof(StandingSettings)
                || type.Type == typeof(StandingThresholds) || type.Type == typeof(Domain.Liability.StatementSettings)))
            return;
        foreach (var property in type.Properties)
        {
            if (property.AssociatedParameter is { HasDefaultValue: false })
                property.IsRequired = true;
        }
    }
}
