using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RedirectCustomer;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("customer-redirections", new(
        "Record a customer redirection",
        "Records that a party told the customer to contact another party instead of handing the complaint over.",
        new Request(null, "photon", "Ask Photon, it is their camera")));

    protected override IComplaintCommand Command(Request r, Actor actor) => new RecordCustomerRedirect(r.Party ?? actor.PartyId, r.RedirectedTo, r.Message);
}
