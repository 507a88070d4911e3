using Accountability.Api.Features.Parties;
using Accountability.Domain.Times;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.RequestEvidence;

/// <param name="Party">The party asked: a vendor that made the product or has held the complaint.</param>
/// <param name="Reason">Why the evidence is wanted, as the party will read it.</param>
/// <param name="Needed">What is needed (logs, a delivery record, a refund receipt).</param>
/// <param name="DueBy">When the evidence is due (UTC); give this or dueInHours.</param>
/// <param name="DueInHours">How many hours from now the evidence is due; give this or dueBy.</param>
public sealed record Request(string Party, string Reason, string Needed, DateTimeOffset? DueBy = null, double? DueInHours = null)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Party).PartyId();
            RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
            RuleFor(r => r.Needed).NotEmpty().MaximumLength(2000);
            RuleFor(r => r).Must(r => (r.DueBy is null) != (r.DueInHours is null)).OverridePropertyName("dueBy")
                .WithMessage("Give either 'dueBy' or 'dueInHours', not both.");
            RuleFor(r => r.DueInHours).GreaterThan(0).LessThanOrEqualTo(DueTime.MaxHours);
        }
    }

    public Domain.Decisions.RequestEvidence Command(Guid requestId) =>
        new(requestId, Party, Reason, Needed, DueBy, DueInHours is { } hours ? TimeSpan.FromHours(hours) : null);
}
