using Accountability.Api.Auth;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Assign;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("assignment", "The operator assigns the complaint to a party, whoever holds it now.", KeyClaims.Operator);

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) =>
        ComplaintDecisions.Assign(state, new AssignComplaint(r.To), c.Actor, c.Parties, c.Now);
}
