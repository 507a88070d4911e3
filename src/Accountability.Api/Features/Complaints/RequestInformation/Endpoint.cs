using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RequestInformation;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("information-requests", "The holder asks the customer for information.");

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) =>
        ComplaintDecisions.RequestInformation(state, new Domain.Decisions.RequestInformation(r.Question), c.Actor, c.Parties, c.Now);
}
