using Accountability.Api.Auth;
using Accountability.Domain.Decisions;
using FastEndpoints;

namespace Accountability.Api.Features.Complaints.Close;

public sealed class Endpoint : ComplaintActionEndpoint<EmptyRequest>
{
    public override void Configure() => Action("closure", new(
        "Close a resolved complaint",
        "The operator closes a resolved complaint."), KeyClaims.Operator);

    protected override IComplaintCommand Command(EmptyRequest r, Actor actor) => new CloseComplaint();
}
