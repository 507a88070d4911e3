using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Resolve;

public sealed class Endpoint : ComplaintActionEndpoint<Request>
{
    public override void Configure() => Action("resolution", new(
        "Resolve a complaint",
        "The holder resolves the complaint, naming the root cause and the liable party.",
        new Request(Domain.Complaints.RootCause.ProductDefect, "acme-apps", "Fixed in 2.4.1")));

    protected override IComplaintCommand Command(Request r, Actor actor) => r.Command();
}
