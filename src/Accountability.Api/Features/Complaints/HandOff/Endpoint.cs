using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.HandOff;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("handoffs", "The holder hands the complaint to another party, with a reason and evidence.");

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) => ComplaintDecisions.HandOff(
        state, new HandOffComplaint(r.To, r.Reason!.Value, r.Note, r.Evidence ?? []), c.Actor, c.Parties, c.Now);
}
