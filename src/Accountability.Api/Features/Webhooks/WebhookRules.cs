using FluentValidation;

namespace Accountability.Api.Features.Webhooks;

public static class WebhookRules
{
    public static void Url<T>(this IRuleBuilder<T, string> rule) => rule.NotEmpty().MaximumLength(2000);

    /// <summary>At least one event type, each one this service sends.</summary>
    public static void EventTypes<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotEmpty().Must(types => types is null || types.All(t => WebhookEventTypes.All.Contains(t)))
            .WithMessage($"'eventTypes' may only hold {string.Join(", ", WebhookEventTypes.All)}.");
}
