using Accountability.Api.Auth;
using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.RecordRootCause;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("root-cause",
        "Records what causes the problem; the operator or the vendor that owns the problem may.", KeyClaims.Operator, KeyClaims.Vendor);

    protected override IProblemCommand Command(Request r) => new Domain.RecurringProblems.RecordRootCause(r.RootCause!.Value, r.Explanation);
}
