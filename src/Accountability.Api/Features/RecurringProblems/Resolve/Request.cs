using Accountability.Domain.Complaints;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.RecurringProblems.Resolve;

/// <param name="RootCause">Leave out (with its explanation) to keep the one recorded before.</param>
/// <param name="Fix">What fixes it, as each customer will read it on their status page.</param>
/// <param name="Explanation">How the cause works, for the record; required with a rootCause.</param>
public sealed record Request(RootCause? RootCause, string? Explanation, string Fix)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.RootCause).IsInEnum();
            RuleFor(r => r.Explanation).NotEmpty().MaximumLength(4000).When(r => r.RootCause is not null);
            RuleFor(r => r.Explanation).MaximumLength(4000);
            RuleFor(r => r.Fix).NotEmpty().MaximumLength(2000);
        }
    }
}
