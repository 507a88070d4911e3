using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.ProposeResolution;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("resolution-proposals", new(
        "Propose a fix",
        "The holder proposes a fix for the customer to try.",
        new Request("Reinstall version 2.3 until 2.4.1 ships")));

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
