using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.Scorecards.Parties;

public sealed class Endpoint(ScorecardQueries queries) : Endpoint<ScorecardRequest, PartyScorecards>
{
    public override void Configure()
    {
        Get("scorecards/parties");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read the parties' scorecards",
            "Each party's scorecard over a period: complaints received and held, times to acknowledge and resolve, handoffs and bounce-backs, deflections, flags, reopens, ratings and resolutions. An operator sees every party; a vendor its own. CSV with format=csv or Accept: text/csv.").Apply);
        Description(d => d.Produces<PartyScorecards>(200, "application/json", ScorecardCsv.MediaType).ProducesProblems(400, 401, 403));
    }

    public override async Task HandleAsync(ScorecardRequest r, CancellationToken ct)
    {
        var cards = await queries.PartiesAsync(User.TenantId(), r.FilterFor(User), ct);
        if (r.WantsCsv(HttpContext.Request))
            await Send.StringAsync(ScorecardCsv.Write(cards), 200, ScorecardCsv.ContentType, ct);
        else
            await Send.OkAsync(cards, ct);
    }
}
