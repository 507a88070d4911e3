using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.AppealCharge;

/// <param name="Statement">Why the charge is wrong, in the party's words.</param>
/// <param name="Evidence">References to its evidence (log ids, file names, record numbers), at most 20; may be left out.</param>
public sealed record Request(string Statement, IReadOnlyList<string>? Evidence = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Statement).NotEmpty().MaximumLength(4000);
            RuleFor(r => r.Evidence).Must(e => e is null || e.Count <= 20).WithMessage("Give at most 20 pieces of evidence.");
            RuleForEach(r => r.Evidence).NotEmpty().MaximumLength(500);
        }
    }
}
