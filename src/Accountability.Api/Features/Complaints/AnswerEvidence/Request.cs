using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.AnswerEvidence;

/// <param name="Evidence">References to the evidence (log ids, file names, record numbers), 1 to 20.</param>
/// <param name="Note">What the party says about it.</param>
public sealed record Request(IReadOnlyList<string> Evidence, string? Note = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Evidence).NotEmpty().Must(e => e is null || e.Count <= 20).WithMessage("Give 1 to 20 pieces of evidence.");
            RuleForEach(r => r.Evidence).NotEmpty().MaximumLength(500);
            RuleFor(r => r.Note).MaximumLength(4000);
        }
    }
}
