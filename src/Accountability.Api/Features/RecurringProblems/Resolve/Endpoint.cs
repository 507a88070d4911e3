using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.Resolve;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("resolution", new(
        "Resolve a recurring problem",
        "Resolves the problem with its root cause and fix, and proposes the fix to every linked complaint still open (each customer sees it on their status page); " +
        "resolved and closed complaints are skipped and listed in proposals.skipped.",
        new Request(Domain.Complaints.RootCause.ProductDefect, "A null camera handle on start", "Version 2.4.1 checks the handle")));

    protected override IProblemCommand Command(Request r) => new ResolveProblem(r.RootCause, r.Explanation, r.Fix);
}
