using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.AnswerEvidence;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("evidence-requests/{requestId:guid}/answer", new(
        "Answer a request for evidence",
        "The party asked for evidence answers, before the due time, with references to its evidence. Nobody answers on its " +
        "behalf, the operator included; after the due time the answer is refused (evidence-deadline-passed).",
        new Request(["refund-4411-a", "refund-4411-b"], "Both refunds were reversed by the bank.")));

    protected override IComplaintCommand Command(Request r, Actor actor) => new SubmitEvidence(Route<Guid>("requestId"), r.Evidence, r.Note);
}
