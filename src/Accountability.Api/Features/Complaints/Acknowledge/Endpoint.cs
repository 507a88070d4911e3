using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using FastEndpoints;

namespace Accountability.Api.Features.Complaints.Acknowledge;

public sealed class Endpoint : ComplaintActionEndpoint<EmptyRequest>
{
    public override void Configure() => Action("acknowledgement", "The holder acknowledges the complaint: it is working on it.");

    protected override Decision Decide(Complaint state, EmptyRequest r, DecisionContext c) =>
        ComplaintDecisions.Acknowledge(state, c.Actor, c.Parties, c.Now);
}
