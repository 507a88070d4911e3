using Accountability.Api.Auth;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.ReverseCharge;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("charges/{chargeId:guid}/reversal", new(
        "Reverse a charge",
        "The operator reverses a charge, saying why, and may charge a replacement (a party and an amount) in its place. The charge " +
        "is never edited: the reversal and the replacement are new events. A charge already reversed, or not of this complaint, is refused.",
        new Request("The store's platform caused it, not the vendor", new Replacement("store", new Http.MoneyInput(19.99m, "EUR")))),
        KeyClaims.Operator);

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command(Route<Guid>("chargeId"));
}
