using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.RequestInformation;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("information-requests", new(
        "Ask the customer for information",
        "The holder asks the customer for information.",
        new Request("Which device and app version do you use?")));

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
