using Accountability.Api.Auth;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Reopen;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("reopening",
        "The operator reopens a resolved complaint, or a closed one within the reopen window, at the customer's request.", KeyClaims.Operator);

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) =>
        ComplaintDecisions.Reopen(state, new ReopenComplaint(r.Reason), c.Actor, c.ReopenWindow, c.Now);
}
