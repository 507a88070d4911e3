using Accountability.Api.Auth;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Assign;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("assignment", new(
        "Assign a complaint to a party",
        "The operator assigns the complaint to a party, whoever holds it now.",
        new Request("acme-apps")), KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => new AssignComplaint(r.To);
}
