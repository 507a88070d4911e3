using Accountability.Api.Auth;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Cancel;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("cancellation",
        "The operator cancels a complaint the customer withdrew: it ends unresolved, every holder's clock stops, and nobody is blamed.", KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => new CancelComplaint(r.Reason);
}
