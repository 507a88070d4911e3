using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.AppealCharge;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("charges/{chargeId:guid}/appeal", new(
        "Appeal a charge",
        "The party charged appeals its charge, with its own key, within the policy's appealWindowDays (30 by default) from the " +
        "charge's time, saying why and pointing to its evidence; the operator then decides it. A charge is appealed once. Refused: " +
        "another party or the operator (not-the-charged-party), a charge not of this complaint (unknown-charge), a reversed charge " +
        "(charge-already-reversed), an appeal already made (appeal-already-made), a closed window (appeal-window-closed).",
        new Request("The crash came from the store's updater, not from our app.", ["crash-log-7781", "updater-release-2.4"])));

    protected override IComplaintCommand Command(Request r, Actor actor) =>
        new Domain.Decisions.AppealCharge(Route<Guid>("chargeId"), r.Statement, r.Evidence ?? []);
}
