using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.HandOff;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("handoffs", new(
        "Hand a complaint to another party",
        "The holder hands the complaint to another party, with a reason and evidence.",
        new Request("acme-apps", Domain.Complaints.HandoffReason.NeedsVendorFix, "Crash in the app", ["crash-log-77"])));

    protected override IComplaintCommand Command(Request r, Actor actor) => new HandOffComplaint(r.To, r.Reason!.Value, r.Note, r.Evidence ?? []);
}
