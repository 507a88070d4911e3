using Accountability.Api.Auth;
using Accountability.Domain.Problems;

namespace Accountability.Api.Features.Problems.RecordRootCause;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("root-cause",
        "Records what causes the problem; the operator or the vendor that owns the problem may.", KeyClaims.Operator, KeyClaims.Vendor);

    protected override IProblemCommand Command(Request r) => new Domain.Problems.RecordRootCause(r.RootCause!.Value, r.Explanation);
}
