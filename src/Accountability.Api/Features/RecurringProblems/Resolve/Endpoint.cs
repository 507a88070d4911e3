using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.Resolve;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("resolution",
        "Resolves the problem with its root cause and fix, and proposes the fix to every linked complaint still open (each customer sees it on their status page); " +
        "resolved and closed complaints are skipped and listed in proposals.skipped.");

    protected override IProblemCommand Command(Request r) => new ResolveProblem(r.RootCause, r.Explanation, r.Fix);
}
