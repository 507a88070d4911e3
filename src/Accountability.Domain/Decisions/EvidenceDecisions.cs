using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Decisions.Decision;

namespace Accountability.Domain.Decisions;

/// <summary>
/// Evidence by a date: the operator asks a party involved in the complaint for evidence by a due time; only that party
/// answers, and only before the due time (after it, as after a card dispute's <c>due_by</c>, nothing is accepted); a due
/// time that passes unanswered is recorded as missed.
/// </summary>
public static class EvidenceDecisions
{
    public static Decision Request(Complaint state, RequestEvidence c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator asks parties for evidence.");
        if (state.HasEnded)
            return Refuse(RefusalCode.ComplaintClosed, "The complaint has ended; reopen it before asking for evidence.");
        if (!parties.CanHold(c.Party))
            return Refuse(RefusalCode.UnknownParty, $"'{c.Party}' is not a registered party.");
        if (c.Party == Party.StoreId || !Involves(state, c.Party))
            return Refuse(RefusalCode.PartyNotInvolved, c.Party == Party.StoreId
                ? "The store is the operator's own party; ask a vendor involved in the complaint."
                : $"{parties.NameOf(c.Party)} has no part in this complaint: it neither made the product nor held the complaint.");
        var due = c.DueBy ?? now + (c.DueIn ?? TimeSpan.Zero);
        if (!Times.DueTime.IsReachable(due, now))
            return Refuse(RefusalCode.DueOutOfRange, due <= now
                ? $"The due time {Wording.Time(due)} is not in the future."
                : $"The due time {Wording.Time(due)} is more than a year away.");
        return Emit(new EvidenceRequested(c.RequestId, c.Party, c.Reason, c.Needed, due, actor.PartyId, now));
    }

    /// <summary>Only the asked party answers, itself: evidence weighs on its liability, so nobody may give it on its behalf.</summary>
    public static Decision Submit(Complaint state, SubmitEvidence c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if (state.EvidenceRequests.FirstOrDefault(r => r.Id == c.RequestId) is not { } request)
            return Refuse(RefusalCode.EvidenceRequestNotFound, $"This complaint has no evidence request {c.RequestId}.");
        if (actor.PartyId != request.Party || actor.IsOperator)
            return Refuse(RefusalCode.NotTheAskedParty, $"Only {parties.NameOf(request.Party)}, the party asked, may answer this evidence request.");
        if (!request.IsOpen)
            return Refuse(RefusalCode.EvidenceRequestClosed, request.State switch
            {
                EvidenceRequestState.Answered => "This evidence request was already answered.",
                EvidenceRequestState.Missed => $"This evidence request's due time ({Wording.Time(request.Due)}) passed unanswered.",
                _ => "The complaint ended while this evidence request was open; nothing is owed any more.",
            });
        if (now >= request.Due)
            return Refuse(RefusalCode.EvidenceDeadlinePassed, $"The evidence was due by {Wording.Time(request.Due)}; it is no longer accepted.");
        return Emit(new EvidenceSubmitted(c.RequestId, actor.PartyId, c.Evidence, c.Note, now));
    }

    /// <summary>An evidence deadline fell due: missed if its request is still open; nothing when it was answered or dropped.</summary>
    public static Decision JudgeDue(Complaint state, Deadline deadline, DateTimeOffset now) =>
        EvidenceDeadlines.OpenRequestOf(state, deadline) is { } request && now >= request.Due
            ? Emit(new EvidenceDeadlineMissed(request.Id, request.Party, request.Due, now))
            : Emit();

    /// <summary>A party has a part in a complaint when it made the product or has held the complaint.</summary>
    private static bool Involves(Complaint state, string party) => state.VendorId == party || state.PartiesInvolved.Contains(party);
}
