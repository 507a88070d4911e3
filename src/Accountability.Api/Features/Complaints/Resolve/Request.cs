using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.Resolve;

/// <param name="LiableParty">The party whose fault it was, for the record and the scorecards.</param>
/// <param name="RootCause">What caused the trouble.</param>
/// <param name="Remedy">What was done to put it right; the customer sees it.</param>
public sealed record Request(RootCause? RootCause, string LiableParty, string Remedy)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.RootCause).NotNull().IsInEnum();
            RuleFor(r => r.LiableParty).PartyId();
            RuleFor(r => r.Remedy).NotEmpty().MaximumLength(2000);
        }
    }

    public ResolveComplaint Command() => new(RootCause!.Value, LiableParty, Remedy);
}
