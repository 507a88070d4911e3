using Accountability.Api.Features.Complaints.ReverseCharge;
using Accountability.Domain.Liability;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.DecideAppeal;

/// <param name="Outcome">Upheld (the charge stands) or Overturned (it is reversed).</param>
/// <param name="Reason">Why, in the operator's words; kept in the record and told to the party that appealed.</param>
/// <param name="Replacement">On an overturned appeal only: a party to charge in its place, if any.</param>
public sealed record Request(AppealOutcome Outcome, string Reason, ReverseCharge.Replacement? Replacement = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Outcome).IsInEnum();
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(r => r.Replacement).ValidReplacement();
        }
    }

    public Domain.Decisions.DecideAppeal Command(Guid chargeId) =>
        new(chargeId, Outcome, Reason, Replacement?.ToCommand());
}
