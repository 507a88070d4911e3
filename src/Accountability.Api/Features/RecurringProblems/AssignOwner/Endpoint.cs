using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.AssignOwner;

public sealed class Endpoint : ProblemActionEndpoint<Request>
{
    public override void Configure() => Action("owner", new(
        "Assign a recurring problem's owner",
        "Makes the store or a vendor the problem's owner: the party that finds the cause and fixes it.",
        new Request("acme-apps")));

    protected override IProblemCommand Command(Request r) => new AssignProblemOwner(r.Owner);
}
