using System.Security.Claims;
using Accountability.Api.Auth;
using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Dashboard.ComplaintActions;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Dashboard.ComplaintPage;

/// <summary>One complaint of the signed-in operator's own marketplace, read for its page: its events, its state, the tenant's parties, its running clocks.</summary>
public sealed record ShownComplaint(IReadOnlyList<IEvent> Events, Complaint State, IReadOnlyList<Party> Parties, IReadOnlyList<RunningClock> Clocks)
{
    /// <summary>Throws the API's not-found problem for a complaint of another marketplace, as for one that does not exist.</summary>
    public static async Task<ShownComplaint> ReadAsync(IDocumentStore store, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession(user.TenantId());
        var (events, state) = await session.ReadStreamAsync(id, user.Actor(), ct);
        return new ShownComplaint(events, state, await session.Query<Party>().ToListAsync(ct), await ComplaintListTable.ClocksAsync(session, id, ct));
    }

    /// <param name="done">The action just taken, to say it went through.</param>
    /// <param name="error">Why the last action's form was refused.</param>
    /// <param name="kept">That form's fields, to show again.</param>
    public string Page(HttpContext http, string seal, string? done, string? error, KeptForm? kept = null)
    {
        var services = http.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var reopenWindow = TimeSpan.FromDays(services.GetRequiredService<IOptions<ComplaintOptions>>().Value.ReopenWindowDays);
        var offered = OfferedActions.For(State, Parties, http.User.Actor(), now, reopenWindow);
        var actions = ComplaintActionsHtml.Section(State, offered, seal, done, error, kept);
        return ComplaintHtml.Page(State, Events, new PartyDirectory(Parties), now, seal, Clocks, actions);
    }
}
