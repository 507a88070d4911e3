using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.WaitForThirdParty;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("third-party-waits",
        "The holder is waiting on someone outside the marketplace (a supplier, a carrier, a bank): its clock pauses until the answer is recorded or it acts again.");

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) =>
        ComplaintDecisions.WaitForThirdParty(state, new Domain.Decisions.WaitForThirdParty(r.ThirdParty, r.Reason), c.Actor, c.Parties, c.Now);
}
