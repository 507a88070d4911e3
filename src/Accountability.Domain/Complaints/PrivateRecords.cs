using Accountability.Domain.Decisions;

namespace Accountability.Domain.Complaints;

/// <summary>
/// Records on a complaint that belong to one party: a charge (with its reversal, appeal and decision) and a request for
/// evidence (with its answer and its miss). The operator sees every party's; a vendor only its own, as a seller sees its
/// own debits and not another seller's.
/// </summary>
public static class PrivateRecords
{
    /// <summary>The party a complaint event is that party's own record of; null for an event every involved party may read.</summary>
    public static string? OwnerOf(this Complaint complaint, object @event) => @event switch
    {
        ChargeCreated c => c.Party,
        ChargeReversed r => ChargedParty(complaint, r.ChargeId),
        ChargeAppealed a => ChargedParty(complaint, a.ChargeId),
        AppealDecided d => ChargedParty(complaint, d.ChargeId),
        EvidenceRequested r => r.Party,
        EvidenceSubmitted s => complaint.EvidenceRequests.Find(r => r.Id == s.RequestId)?.Party ?? s.By,
        EvidenceDeadlineMissed m => m.Party,
        _ => null,
    };

    /// <summary>Whether <paramref name="actor"/> may read a record of <paramref name="owner"/>'s: a vendor only its own.</summary>
    public static bool MayRead(this Actor actor, string owner) => actor.Kind != ActorKind.Vendor || owner == actor.PartyId;

    /// <summary>Whether <paramref name="actor"/> may read the event: a record it may read, or one that is no party's own.</summary>
    public static bool IsReadableBy(this Complaint complaint, object @event, Actor actor) => complaint.OwnerOf(@event) is not { } owner || actor.MayRead(owner);

    // An unknown charge cannot be told apart from another party's: readable by nobody but the operator.
    private static string ChargedParty(Complaint complaint, Guid chargeId) => complaint.Charges.Find(c => c.Id == chargeId)?.Party ?? "";
}
