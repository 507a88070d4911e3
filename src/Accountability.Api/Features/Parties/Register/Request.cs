using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Parties.Register;

/// <param name="Id">The vendor's id, chosen by the operator: it appears in handoffs and URLs.</param>
/// <param name="DisplayName">How the party is shown to operators and customers.</param>
public sealed record Request(string Id, string DisplayName)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Id).NewPartyId();
            RuleFor(r => r.DisplayName).DisplayName();
        }
    }
}
