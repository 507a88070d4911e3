using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.ProvideInformation;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("information", new(
        "Record the customer's answer",
        "Records the customer's answer to a request for information (by the operator on the customer's behalf, or by the holder).",
        new Request("It happens on a Pixel 8 since Tuesday")));

    protected override IComplaintCommand Command(Request r, Actor actor) => new Domain.Decisions.ProvideInformation(r.Answer);
}
