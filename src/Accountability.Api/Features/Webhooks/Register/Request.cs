using Accountability.Api.Features.Parties;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Webhooks.Register;

/// <param name="EventTypes">Any of the types in docs/webhooks.md (WebhookEventTypes.All): complaint.* and problem.*.</param>
/// <param name="PartyId">Whose endpoint it is: a vendor registers its own; the operator may name any party (default: the store).</param>
/// <param name="Url">Where deliveries are posted: an absolute address that the address guard accepts (docs/webhook-address-guard.md).</param>
public sealed record Request(string Url, IReadOnlyList<string> EventTypes, string? PartyId)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Url).Url();
            RuleFor(r => r.EventTypes).EventTypes();
            RuleFor(r => r.PartyId).PartyId().When(r => r.PartyId is not null);
        }
    }
}
