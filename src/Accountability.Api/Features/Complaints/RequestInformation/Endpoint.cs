using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RequestInformation;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("information-requests", "The holder asks the customer for information.");

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
