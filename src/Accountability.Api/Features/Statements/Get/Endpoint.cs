using Accountability.Api.Auth;
using Accountability.Api.Http;
using FastEndpoints;

namespace Accountability.Api.Features.Statements.Get;

public sealed class Endpoint(StatementBook book) : Endpoint<Request, PartyStatements>
{
    public override void Configure()
    {
        Get("statements");
        Roles(KeyClaims.Operator, KeyClaims.Vendor);
        Summary(new OperationText("Read a party's statements",
            "A party's statement for each month asked (in the marketplace's time zone): the complaints, the charges, the reversals, the appeals opened and decided, and the net per currency. A closed month's statement is final; later corrections land in the next open one. An operator reads any party's; a vendor its own. CSV with format=csv or Accept: text/csv.").Apply);
        Description(d => d.Produces<PartyStatements>(200, "application/json", StatementCsv.MediaType).ProducesProblems(400, 401, 403));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var party = r.PartyFor(User);
        var (from, to) = r.Months();
        var statements = await book.ReadAsync(User.TenantId(), party, from, to, ct);
        if (r.WantsCsv(HttpContext.Request))
            await Send.StringAsync(StatementCsv.Write(statements), 200, StatementCsv.ContentType, ct);
        else
            await Send.OkAsync(statements, ct);
    }
}
