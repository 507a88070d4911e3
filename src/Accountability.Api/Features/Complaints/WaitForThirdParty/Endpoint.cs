using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.WaitForThirdParty;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("third-party-waits", new(
        "Wait on a third party",
        "The holder is waiting on someone outside the marketplace (a supplier, a carrier, a bank): its clock pauses until the answer is recorded or it acts again.",
        new Request("Parcel carrier", "Tracing the lost parcel")));

    protected override IComplaintCommand Command(Request r, Actor actor) => new Domain.Decisions.WaitForThirdParty(r.ThirdParty, r.Reason);
}
