using Accountability.Api.Auth;
using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.RecordRootCause;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("root-cause", new(
        "Record a recurring problem's root cause",
        "Records what causes the problem; the operator or the vendor that owns the problem may.",
        new Request(Domain.Complaints.RootCause.ProductDefect, "A null camera handle on start since 2.4.0")), KeyClaims.Operator, KeyClaims.Vendor);

    protected override IProblemCommand Command(Request r) => new Domain.RecurringProblems.RecordRootCause(r.RootCause!.Value, r.Explanation);
}
