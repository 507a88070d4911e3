using FastEndpoints;
using Accountability.Domain.Problems;

namespace Accountability.Api.Features.Problems.Unlink;

public sealed class Endpoint : ProblemActionEndpoint<EmptyRequest>
{
    public override void Configure()
    {
        Delete("problems/{id:guid}/links/{complaintId:guid}");
        Describe("Unlinks a complaint from an open problem.");
    }

    protected override IProblemCommand Command(EmptyRequest r) => new UnlinkComplaint(Route<Guid>("complaintId"));
}
