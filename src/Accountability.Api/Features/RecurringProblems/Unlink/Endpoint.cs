using FastEndpoints;
using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems.Unlink;

public sealed class Endpoint : ProblemActionEndpoint<EmptyRequest>
{
    public override void Configure()
    {
        Delete("problems/{id:guid}/links/{complaintId:guid}");
        Describe(new(
            "Unlink a complaint from a recurring problem",
            "Unlinks a complaint from an open problem."));
    }

    protected override IProblemCommand Command(EmptyRequest r) => new UnlinkComplaint(Route<Guid>("complaintId"));
}
