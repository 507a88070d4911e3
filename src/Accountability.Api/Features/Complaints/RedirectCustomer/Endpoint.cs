using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RedirectCustomer;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("customer-redirections",
        "Records that a party told the customer to contact another party instead of handing the complaint over.");

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) => ComplaintDecisions.RedirectCustomer(
        state, new RecordCustomerRedirect(r.Party ?? c.Actor.PartyId, r.RedirectedTo, r.Message), c.Actor, c.Parties, c.Now);
}
