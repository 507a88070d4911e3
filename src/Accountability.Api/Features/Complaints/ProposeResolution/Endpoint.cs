using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.ProposeResolution;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("resolution-proposals", "The holder proposes a fix for the customer to try.");

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) =>
        ComplaintDecisions.ProposeResolution(state, new Domain.Decisions.ProposeResolution(r.Summary), c.Actor, c.Parties, c.Now);
}
