using Accountability.Api.Auth;
using Accountability.Domain.Decisions;
using Accountability.Domain.Liability;

namespace Accountability.Api.Features.Complaints.DecideAppeal;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("charges/{chargeId:guid}/appeal/decision", new(
        "Decide an appeal of a charge",
        "The operator decides a charge's open appeal, saying why: upheld, the charge stands; overturned, the charge is reversed " +
        "in the same write and, with a replacement (a party and an amount), that party is charged in its place. Refused: a " +
        "charge without an open appeal (no-open-appeal), a replacement on an upheld appeal (replacement-needs-overturn).",
        new Request(AppealOutcome.Overturned, "The store's updater caused the crash.",
            new ReverseCharge.Replacement("store", new Http.MoneyInput(19.99m, "EUR")))),
        KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command(Route<Guid>("chargeId"));
}
