using Accountability.Domain.Problems;

namespace Accountability.Api.Features.Problems.Link;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("links", "Links a complaint to the problem by hand; a complaint belongs to one problem at a time.");

    protected override Guid? ComplaintNamed(Request r) => r.ComplaintId;

    protected override ProblemDecision Decide(RecurringProblem state, Request r, ProblemContext c) =>
        ProblemDecisions.Link(state, new LinkComplaint(r.ComplaintId!.Value, c.CurrentProblemOfComplaint), c.Actor, c.Now);
}
