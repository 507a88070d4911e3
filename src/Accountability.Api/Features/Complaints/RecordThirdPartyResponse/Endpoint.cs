using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RecordThirdPartyResponse;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("third-party-responses", new(
        "Record the third party's answer",
        "Records the third party's answer (by the holder, or by the operator): the wait is over and the holder's clock runs again.",
        new Request("The carrier found the parcel; it ships tomorrow")));

    protected override IComplaintCommand Command(Request r, Actor actor) => new Domain.Decisions.RecordThirdPartyResponse(r.Answer);
}
