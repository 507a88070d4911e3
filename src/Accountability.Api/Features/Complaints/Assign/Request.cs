using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.Assign;

/// <param name="To">The party (store or vendor) that holds the complaint from now on.</param>
/// <param name="Reason">Why the operator moves it (optional): WrongParty, NeedsSpecialist, Unresponsive, Escalation, Workload or Other.</param>
/// <param name="Note">The operator's own words (optional), at most 2,000 characters.</param>
public sealed record Request(string To, AssignmentReason? Reason = null, string? Note = null)
{
    public const int NoteMaxLength = 2000;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.To).PartyId();
            RuleFor(r => r.Reason).IsInEnum();
            RuleFor(r => r.Note).MaximumLength(NoteMaxLength);
        }
    }

    public AssignComplaint Command() => new(To, Reason, Note is { Length: > 0 } note ? note : null);
}
