using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RequestEvidence;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("evidence-requests", new(
        "Ask a party for evidence by a due time",
        "The operator asks a vendor involved in the complaint for evidence by a due time. Only that vendor may answer, and only " +
        "before the due time; when it passes unanswered the miss is recorded and flagged (evidence-missed). The new request, with " +
        "its id, is the last of the complaint's evidenceRequests.",
        new Request("acme-apps", "The customer says the charge was refunded twice.", "The refund records for order 4411.", DueInHours: 12)));

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command(Guid.CreateVersion7());
}
