using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.AssignOwner;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("owner", "Makes the store or a vendor the problem's owner: the party that finds the cause and fixes it.");

    protected override IProblemCommand Command(Request r) => new AssignProblemOwner(r.Owner);
}
