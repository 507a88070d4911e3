using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RedirectCustomer;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("customer-redirections",
        "Records that a party told the customer to contact another party instead of handing the complaint over.");

    protected override IComplaintCommand Command(Request r, Actor actor) => new RecordCustomerRedirect(r.Party ?? actor.PartyId, r.RedirectedTo, r.Message);
}
