using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.ProposeResolution;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("resolution-proposals", "The holder proposes a fix for the customer to try.");

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
