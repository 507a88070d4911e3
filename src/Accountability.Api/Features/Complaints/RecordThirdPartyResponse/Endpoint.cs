using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RecordThirdPartyResponse;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("third-party-responses",
        "Records the third party's answer (by the holder, or by the operator): the wait is over and the holder's clock runs again.");

    protected override IComplaintCommand Command(Request r, Actor actor) => new Domain.Decisions.RecordThirdPartyResponse(r.Answer);
}
