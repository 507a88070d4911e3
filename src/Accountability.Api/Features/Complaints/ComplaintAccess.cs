using Accountability.Api.Problems;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints;

public static class ComplaintAccess
{
    /// <summary>Operators see every complaint of their tenant; a vendor only those it holds or has held.</summary>
    public static bool CanSee(this Actor actor, Complaint complaint) =>
        actor.IsOperator || complaint.PartiesInvolved.Contains(actor.PartyId);

    /// <summary>The same answer for a complaint that does not exist and one the caller may not see.</summary>
    public static ProblemException NotFound(Guid id) => new(ProblemKind.NotFound, $"No complaint {id}.");
}
