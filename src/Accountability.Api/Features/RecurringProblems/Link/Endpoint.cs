using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.Link;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("links", new(
        "Link a complaint to a recurring problem",
        "Links a complaint to the problem by hand; a complaint belongs to one problem at a time.",
        new Request(Guid.Parse("0193a7d2-5c1e-7c3a-9f10-2b5e8c4d6a71"))));

    protected override IProblemCommand Command(Request r) => new LinkComplaint(r.ComplaintId!.Value, CurrentProblem: null);
}
