using Accountability.Domain.Decisions;
using FastEndpoints;

namespace Accountability.Api.Features.Complaints.Acknowledge;

public sealed class Endpoint : ComplaintActionEndpoint<EmptyRequest>
{
    public override void Configure() => Action("acknowledgement", new(
        "Acknowledge a complaint",
        "The holder acknowledges the complaint: it is working on it."));

    protected override IComplaintCommand Command(EmptyRequest r, Actor actor) => new AcknowledgeComplaint();
}
