using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Resolve;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("resolution", "The holder resolves the complaint, naming the root cause and the liable party.");

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
