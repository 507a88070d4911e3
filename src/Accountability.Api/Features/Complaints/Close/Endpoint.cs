using Accountability.Api.Auth;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using FastEndpoints;

namespace Accountability.Api.Features.Complaints.Close;

public sealed class Endpoint : ComplaintActionEndpoint<EmptyRequest>
{
    public override void Configure() => Action("closure", "The operator closes a resolved complaint.", KeyClaims.Operator);

    protected override Decision Decide(Complaint state, EmptyRequest r, DecisionContext c) => ComplaintDecisions.Close(state, c.Actor, c.Now);
}
