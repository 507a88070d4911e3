using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Complaints;

public static class ComplaintAccess
{
    /// <summary>
    /// Operators see every complaint of their tenant; a vendor only those it holds or has held; the customer only
    /// the one whose tracking link they opened (the status page acts as the customer on that complaint alone).
    /// </summary>
    public static bool CanSee(this Actor actor, Complaint complaint) =>
        actor.IsOperator || actor.IsCustomer || complaint.PartiesInvolved.Contains(actor.PartyId);

    /// <summary>A complaint's whole stream with the state it folds to, if the actor may see it.</summary>
    public static async Task<(IReadOnlyList<JasperFx.Events.IEvent> Events, Complaint State)> ReadStreamAsync(
        this IQuerySession session, Guid id, Actor actor, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        var state = events.Aggregate((Complaint?)null, (s, e) => Complaint.Evolve(s, e.Data));
        return state is not null && actor.CanSee(state) ? (events, state) : throw NotFound(id);
    }

    /// <summary>The same answer for a complaint that does not exist and one the caller may not see.</summary>
    public static ProblemException NotFound(Guid id) => new(ProblemKind.NotFound, $"No complaint {id}.");
}
