using Accountability.Api.Auth;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Pages;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Domain.Parties;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Dashboard.ComplaintPage;

/// <summary>One complaint of the signed-in operator's own marketplace; any other id is the same 404 page.</summary>
public sealed class Endpoint(IDocumentStore store, DashboardForms forms, TimeProvider clock) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("dashboard/complaints/{id:guid}");
        RoutePrefixOverride("");
        AuthSchemes(DashboardAuthenticationHandler.SchemeName);
        Roles(KeyClaims.Operator);
        Summary(s => s.Summary = "One complaint on the dashboard (HTML): where it stands, its running deadlines, its flags with their sentences and evidence, and its timeline.");
        Description(d => d.Produces(200, contentType: "text/html").Produces(303).ProducesProblems(401, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var seal = forms.Seal(HttpContext);
        await using var session = store.QuerySession(User.TenantId());
        try
        {
            var (events, state) = await session.ReadStreamAsync(id, User.Actor(), ct);
            var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
            var clocks = await ComplaintListTable.ClocksAsync(session, id, ct);
            await PageResponses.WriteAsync(HttpContext, StatusCodes.Status200OK, ComplaintHtml.Page(state, events, parties, clock.GetUtcNow(), seal, clocks));
        }
        catch (ProblemException missing) when (missing.Kind == ProblemKind.NotFound)
        {
            if (!PageResponses.WantsHtml(HttpContext.Request))
                throw;
            await PageResponses.WriteAsync(HttpContext, StatusCodes.Status404NotFound,
                DashboardHtml.Message(DashboardText.Get("NotFound_Title"), DashboardText.Get("NotFound_Body"), seal));
        }
    }
}
