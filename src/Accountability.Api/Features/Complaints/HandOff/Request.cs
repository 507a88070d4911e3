using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.HandOff;

public sealed record Request(string To, HandoffReason? Reason, string? Note, IReadOnlyList<string>? Evidence)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.To).PartyId();
            RuleFor(r => r.Reason).NotNull().IsInEnum();
            RuleFor(r => r.Note).MaximumLength(2000);
            RuleFor(r => r.Evidence).Must(e => e is null || e.Count <= 20).WithMessage("At most 20 pieces of evidence.");
            RuleForEach(r => r.Evidence).NotEmpty().MaximumLength(500);
        }
    }
}
