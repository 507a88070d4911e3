using Accountability.Api.Features.Parties;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.RedirectCustomer;

/// <param name="Party">Who told the customer to go elsewhere; defaults to the caller's own party.</param>
/// <param name="RedirectedTo">Where the customer was sent.</param>
/// <param name="Message">What the customer was told, as far as it is known.</param>
public sealed record Request(string? Party, string RedirectedTo, string? Message)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Party).PartyId().When(r => r.Party is not null);
            RuleFor(r => r.RedirectedTo).PartyId();
            RuleFor(r => r.Message).MaximumLength(2000);
        }
    }
}
