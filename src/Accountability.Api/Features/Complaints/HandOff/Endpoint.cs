using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.HandOff;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("handoffs", "The holder hands the complaint to another party, with a reason and evidence.");

    protected override IComplaintCommand Command(Request r, Actor actor) => new HandOffComplaint(r.To, r.Reason!.Value, r.Note, r.Evidence ?? []);
}
