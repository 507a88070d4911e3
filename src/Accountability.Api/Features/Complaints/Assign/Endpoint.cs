using Accountability.Api.Auth;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Assign;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("assignment", new(
        "Assign a complaint to a party",
        "The operator assigns the complaint to a party, whoever holds it now, optionally with a reason code and a note.",
        new Request("acme-apps", AssignmentReason.NeedsSpecialist, "Acme maintains the camera module.")), KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
