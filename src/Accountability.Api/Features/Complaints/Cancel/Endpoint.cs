using Accountability.Api.Auth;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Cancel;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("cancellation", new(
        "Cancel a complaint",
        "The operator cancels a complaint the customer withdrew: it ends unresolved, every holder's clock stops, and nobody is blamed.",
        new Request("The customer withdrew the complaint")), KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => new CancelComplaint(r.Reason);
}
