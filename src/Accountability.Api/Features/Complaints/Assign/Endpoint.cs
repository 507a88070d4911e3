using Accountability.Api.Auth;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Assign;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("assignment",
        "The operator assigns the complaint to a party, whoever holds it now, optionally with a reason code and a note.", KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
