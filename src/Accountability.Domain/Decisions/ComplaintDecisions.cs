using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Decisions.Decision;

namespace Accountability.Domain.Decisions;

/// <summary>
/// The complaint's business rules: pure functions of (state, command, actor, parties, now) that
/// either emit events or refuse with a reason. No I/O: the caller loads and appends.
/// </summary>
public static class ComplaintDecisions
{
    /// <param name="defaultClaim">The policy's claim for a complaint filed without one.</param>
    public static Decision File(FileComplaint c, Actor actor, PartyDirectory parties, DateTimeOffset now, Liability.Money? defaultClaim = null)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator files complaints.");
        if (parties.Find(c.VendorId) is not { Kind: PartyKind.Vendor })
            return Refuse(RefusalCode.UnknownParty, $"'{c.VendorId}' is not a registered vendor.");
        if (c.Claim?.Problem() is { } claimProblem)
            return Refuse(RefusalCode.InvalidAmount, $"The claim: {claimProblem}");
        return Emit(new ComplaintFiled(
            c.ComplaintId, c.CustomerReference, c.Product, c.VendorId, c.Category, c.Description, c.Channel,
            actor.PartyId, now, c.Severity, c.TrackingTokenHash, (c.Claim ?? defaultClaim)?.Normalized()));
    }

    public static Decision Assign(Complaint state, AssignComplaint c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if ((IsClosed(state) ?? IsResolved(state)) is { } refused) return refused;
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator assigns complaints; a holder hands them off.");
        if (!parties.CanHold(c.To))
            return Refuse(RefusalCode.UnknownParty, $"'{c.To}' is not a registered party.");
        if (c.To == state.Holder)
            return Refuse(RefusalCode.HandoffToSelf, $"{parties.NameOf(c.To)} already holds this complaint.");
        return Emit(new ComplaintAssigned(c.To, actor.PartyId, now, c.Reason, c.Note));
    }

    public static Decision Acknowledge(Complaint state, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if ((IsClosed(state) ?? NotHolder(state, actor, parties) ?? IsResolved(state)) is { } refused) return refused;
        if (state.Status != ComplaintStatus.Open)
            return Refuse(RefusalCode.AlreadyAcknowledged, "The holder has already acknowledged this complaint.");
        return Emit(new ComplaintAcknowledged(actor.PartyId, now));
    }

    public static Decision HandOff(Complaint state, HandOffComplaint c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if ((IsClosed(state) ?? NotHolder(state, actor, parties) ?? IsResolved(state)) is { } refused) return refused;
        if (state.Escalation is { } escalation && !actor.IsOperator)
            return Refuse(RefusalCode.Escalated,
                $"The marketplace took this complaint over ({escalation.Reason}); only its operator can move it now.");
        if (c.To == actor.PartyId)
            return Refuse(RefusalCode.HandoffToSelf, "A party cannot hand a complaint off to itself.");
        if (!parties.CanHold(c.To))
            return Refuse(RefusalCode.UnknownParty, $"'{c.To}' is not a registered party.");
        return Emit(new ComplaintHandedOff(actor.PartyId, c.To, c.Reason, c.Note, c.Evidence, now));
    }

    public static Decision RedirectCustomer(Complaint state, RecordCustomerRedirect c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if (IsClosed(state) is { } closed) return closed;
        if (!actor.IsOperator && c.Party != actor.PartyId)
            return Refuse(RefusalCode.OperatorOnly, "A vendor can only record what it told the customer itself.");
        if (!parties.CanHold(c.Party))
            return Refuse(RefusalCode.UnknownParty, $"'{c.Party}' is not a registered party.");
        if (!parties.CanHold(c.RedirectedTo))
            return Refuse(RefusalCode.UnknownParty, $"'{c.RedirectedTo}' is not a registered party.");
        if (c.RedirectedTo == c.Party)
            return Refuse(RefusalCode.HandoffToSelf, "A party cannot redirect the customer to itself.");
        return Emit(new CustomerRedirected(c.Party, c.RedirectedTo, c.Message, now));
    }

    public static Decision RequestInformation(Complaint state, RequestInformation c, Actor actor, PartyDirectory parties, DateTimeOffset now) =>
        IsClosed(state) ?? NotHolder(state, actor, parties) ?? IsResolved(state)
        ?? Emit(new InformationRequested(actor.PartyId, c.Question, now));

    /// <summary>The customer's answer, recorded by the operator on the customer's behalf or by the holder.</summary>
    public static Decision ProvideInformation(Complaint state, ProvideInformation c, Actor actor, PartyDirectory parties, DateTimeOffset now) =>
        EndWait(state, actor, parties, ComplaintStatus.AwaitingInformation,
            Refuse(RefusalCode.NotAwaitingInformation, "Nobody has asked for information on this complaint."),
            new InformationProvided(actor.PartyId, c.Answer, now));

    /// <summary>The holder waits on someone outside the ledger; the wait ends with their answer, or when the holder acts on the complaint again.</summary>
    public static Decision WaitForThirdParty(Complaint state, WaitForThirdParty c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if ((IsClosed(state) ?? NotHolder(state, actor, parties) ?? IsResolved(state)) is { } refused) return refused;
        if (state.Status == ComplaintStatus.AwaitingThirdParty)
            return Refuse(RefusalCode.AlreadyAwaitingThirdParty, "The holder is already waiting on a third party; record its answer first.");
        return Emit(new ThirdPartyWaitStarted(actor.PartyId, c.ThirdParty, c.Reason, now));
    }

    /// <summary>The third party's answer, recorded by the holder or by the operator: the holder's clock runs again.</summary>
    public static Decision RecordThirdPartyResponse(Complaint state, RecordThirdPartyResponse c, Actor actor, PartyDirectory parties, DateTimeOffset now) =>
        EndWait(state, actor, parties, ComplaintStatus.AwaitingThirdParty,
            Refuse(RefusalCode.NotAwaitingThirdParty, "Nobody is waiting on a third party on this complaint."),
            new ThirdPartyResponded(actor.PartyId, c.Answer, now));

    /// <summary>The answer that ends a wait, recorded by the holder or by the operator; <paramref name="notWaiting"/> when the complaint does not wait on it.</summary>
    private static Decision EndWait(Complaint state, Actor actor, PartyDirectory parties, ComplaintStatus waiting, Decision notWaiting, IComplaintEvent answer)
    {
        if (IsClosed(state) is { } closed) return closed;
        if (!actor.IsOperator && NotHolder(state, actor, parties) is { } notHolder) return notHolder;
        return state.Status == waiting ? Emit(answer) : notWaiting;
    }

    public static Decision ProposeResolution(Complaint state, ProposeResolution c, Actor actor, PartyDirectory parties, DateTimeOffset now) =>
        IsClosed(state) ?? NotHolder(state, actor, parties) ?? IsResolved(state)
        ?? Emit(new ResolutionProposed(actor.PartyId, c.Summary, now));

    public static Decision Resolve(Complaint state, ResolveComplaint c, Actor actor, PartyDirectory parties, DateTimeOffset now)
    {
        if ((IsClosed(state) ?? NotHolder(state, actor, parties) ?? IsResolved(state)) is { } refused) return refused;
        if (!parties.CanHold(c.LiableParty))
            return Refuse(RefusalCode.UnknownParty, $"'{c.LiableParty}' is not a registered party.");
        if (c.Terms is { } given && ChargeDecisions.TermsProblem(given, parties) is { } badTerms)
            return badTerms;
        var terms = c.Terms is { Amount: { } amount } t ? t with { Amount = amount.Normalized() } : c.Terms;
        var resolved = new ComplaintResolved(actor.PartyId, c.RootCause, c.LiableParty, c.Remedy, now, terms);
        return Emit([resolved, .. ChargeDecisions.ChargesOf(state, c.LiableParty, terms, actor, now)]);
    }

    /// <summary>Reopens at the customer's request: a resolved complaint at any time, a closed one within the window.</summary>
    public static Decision Reopen(Complaint state, ReopenComplaint c, Actor actor, TimeSpan reopenWindow, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator reopens complaints, at the customer's request.");
        if (state.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed or ComplaintStatus.Cancelled))
            return Refuse(RefusalCode.NotResolved, "Only a resolved, closed or cancelled complaint can be reopened.");
        if (state.ClosedAt is { } closedAt && now - closedAt > reopenWindow)
            return Refuse(RefusalCode.ReopenWindowExpired,
                $"The complaint was closed on {closedAt:yyyy-MM-dd}; it can be reopened for {reopenWindow.TotalDays:0.#} days after closing.");
        return Emit(new ComplaintReopened(actor.PartyId, c.Reason, now));
    }

    public static Decision Close(Complaint state, Actor actor, DateTimeOffset now)
    {
        if (IsClosed(state) is { } closed) return closed;
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator closes complaints.");
        if (state.Status != ComplaintStatus.Resolved)
            return Refuse(RefusalCode.NotResolved, "Resolve the complaint before closing it.");
        return Emit(new ComplaintClosed(actor.PartyId, now));
    }

    /// <summary>The customer withdrew the complaint: it ends unresolved, every clock stops, and nobody is blamed.</summary>
    public static Decision Cancel(Complaint state, CancelComplaint c, Actor actor, DateTimeOffset now)
    {
        if (IsClosed(state) is { } closed) return closed;
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator cancels complaints, when the customer withdraws them.");
        if (state.Status == ComplaintStatus.Resolved)
            return Refuse(RefusalCode.AlreadyResolved, "The complaint is resolved; close it instead.");
        return Emit(new ComplaintCancelled(actor.PartyId, c.Reason, now));
    }

    /// <summary>Replaces the customer's tracking link: the old one stops working.</summary>
    public static Decision ReissueTrackingLink(Complaint state, ReissueTrackingLink c, Actor actor, DateTimeOffset now) => actor.IsOperator
        ? Emit(new TrackingLinkReissued(c.TokenHash, actor.PartyId, now))
        : Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator issues tracking links.");

    public static Decision RevokeTrackingLink(Complaint state, Actor actor, DateTimeOffset now)
    {
        if (!actor.IsOperator)
            return Refuse(RefusalCode.OperatorOnly, "Only the marketplace operator revokes tracking links.");
        if (!state.HasTrackingLink)
            return Refuse(RefusalCode.NoTrackingLink, "This complaint has no tracking link to revoke.");
        return Emit(new TrackingLinkRevoked(actor.PartyId, now));
    }

    /// <summary>
    /// The policy's step-in after a missed acknowledgement deadline: the complaint the stalled-holder flag just charged
    /// moves to the store or the fallback party, unless it already holds it. Null when the policy leaves it where it is.
    /// </summary>
    public static ComplaintTakenOver? StepInAfterMissedDeadline(Complaint flagged, Deadline missed, Policy policy, PartyDirectory parties, DateTimeOffset now) =>
        missed.Kind == DeadlineKind.FirstResponse && policy.StepIn.Enabled && flagged.Holder == missed.Holder
        && policy.StepIn.Target(parties) is var to && to != flagged.Holder
            ? new ComplaintTakenOver(flagged.Holder, to, TakeOverCause.AcknowledgementMissed, now)
            : null;

    private static Decision? IsClosed(Complaint state) => state.Status switch
    {
        ComplaintStatus.Closed => Refuse(RefusalCode.ComplaintClosed, "The complaint is closed; it can only be reopened."),
        ComplaintStatus.Cancelled => Refuse(RefusalCode.ComplaintClosed, "The complaint was cancelled; it can only be reopened."),
        _ => null,
    };

    private static Decision? IsResolved(Complaint state) => state.Status == ComplaintStatus.Resolved
        ? Refuse(RefusalCode.AlreadyResolved, "The complaint is resolved; reopen it first.")
        : null;

    private static Decision? NotHolder(Complaint state, Actor actor, PartyDirectory parties) => state.Holder != actor.PartyId
        ? Refuse(RefusalCode.NotTheHolder, $"Only the current holder ({parties.NameOf(state.Holder)}) may do this.")
        : null;
}
