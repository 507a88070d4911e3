using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Webhooks.Update;

/// <param name="Enabled">False pauses deliveries; true re-enables an endpoint the sender disabled and clears why.</param>
/// <param name="Url">Where deliveries are posted from now on.</param>
/// <param name="EventTypes">The event types to receive (docs/webhooks.md); the whole list, replacing the previous one.</param>
public sealed record Request(string Url, IReadOnlyList<string> EventTypes, bool? Enabled)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Url).Url();
            RuleFor(r => r.EventTypes).EventTypes();
            // Nullable so that a request leaving it out is refused, not read as false (which pauses the endpoint).
            RuleFor(r => r.Enabled).NotNull();
        }
    }
}
