using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.Scorecards.Products;

public sealed class Endpoint(ScorecardQueries queries) : Endpoint<ScorecardRequest, ProductScorecards>
{
    public override void Configure()
    {
        Get("scorecards/products");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read the products' scorecards",
            "Each product's scorecard over a period: complaints by category, reopen rate, flags by rule. A vendor sees only the complaints it has held. CSV with format=csv or Accept: text/csv.").Apply);
        Description(d => d.Produces<ProductScorecards>(200, "application/json", ScorecardCsv.MediaType).ProducesProblems(400, 401, 403));
    }

    public override async Task HandleAsync(ScorecardRequest r, CancellationToken ct)
    {
        var cards = await queries.ProductsAsync(User.TenantId(), r.FilterFor(User), ct);
        if (r.WantsCsv(HttpContext.Request))
            await Send.StringAsync(ScorecardCsv.Write(cards), 200, ScorecardCsv.ContentType, ct);
        else
            await Send.OkAsync(cards, ct);
    }
}
