using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.HandOff;

/// <param name="To">The party (store or vendor) the complaint goes to; not the holder itself.</param>
/// <param name="Reason">Why it is handed on: the rules read it (an evidence-free handoff, a bounce).</param>
/// <param name="Note">A free-text note for the next holder, shown in the timeline.</param>
/// <param name="Evidence">References to what supports the handoff (log ids, ticket numbers, file names), up to 20.</param>
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
