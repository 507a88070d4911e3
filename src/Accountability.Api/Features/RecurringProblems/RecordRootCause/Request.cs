using Accountability.Domain.Complaints;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.RecurringProblems.RecordRootCause;

/// <param name="RootCause">What causes the problem.</param>
/// <param name="Explanation">How the cause works, for the owner and the operators.</param>
public sealed record Request(RootCause? RootCause, string Explanation)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.RootCause).NotNull().IsInEnum();
            RuleFor(r => r.Explanation).NotEmpty().MaximumLength(4000);
        }
    }
}
