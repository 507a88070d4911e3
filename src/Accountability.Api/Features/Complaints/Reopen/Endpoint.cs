using Accountability.Api.Auth;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Reopen;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("reopening", new(
        "Reopen a complaint",
        "The operator reopens a resolved complaint, or a closed one within the reopen window, at the customer's request.",
        new Request("The customer says it still crashes on start")), KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
