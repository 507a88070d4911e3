using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Resolve;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("resolution", "The holder resolves the complaint, naming the root cause and the liable party.");

    protected override Decision Decide(Complaint state, Request r, DecisionContext c) => ComplaintDecisions.Resolve(
        state, new ResolveComplaint(r.RootCause!.Value, r.LiableParty, r.Remedy), c.Actor, c.Parties, c.Now);
}
