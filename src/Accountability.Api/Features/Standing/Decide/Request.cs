using Accountability.Domain.Standing;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Standing.Decide;

/// <param name="Decision">reinstate, keepOnProbation or endRelationship.</param>
/// <param name="Reason">Why, in the operator's words (at most 2,000 characters).</param>
public sealed record Request(StandingDecisionKind? Decision, string? Reason)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Decision).NotNull().WithMessage("Say what follows: reinstate, keepOnProbation or endRelationship.").IsInEnum();
            RuleFor(r => r.Reason).NotEmpty().WithMessage("Say why.").MaximumLength(2000);
        }
    }
}
