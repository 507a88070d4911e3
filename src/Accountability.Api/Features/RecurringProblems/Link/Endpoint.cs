using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.Link;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("links", "Links a complaint to the problem by hand; a complaint belongs to one problem at a time.");

    protected override IProblemCommand Command(Request r) => new LinkComplaint(r.ComplaintId!.Value, CurrentProblem: null);
}
