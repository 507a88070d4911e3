using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Domain.Decisions.Decision;

namespace Accountability.Domain.Decisions;

/// <summary>What the customer may do from the status page, acting as themself (never as a party that holds complaints).</summary>
public static class CustomerDecisions
{
    public static readonly Actor Customer = new(Party.CustomerId, ActorKind.Customer);

    public static Decision Answer(Complaint state, AnswerAsCustomer c, DateTimeOffset now) =>
        state.Status == ComplaintStatus.AwaitingInformation
            ? Emit(new InformationProvided(Customer.PartyId, c.Answer, now))
            : Refuse(RefusalCode.NotAwaitingInformation, "Nobody is waiting for an answer from you on this complaint.");

    public static Decision ConfirmFix(Complaint state, DateTimeOffset now) =>
        state.Status is ComplaintStatus.ResolutionProposed or ComplaintStatus.Resolved or ComplaintStatus.Closed
            ? Emit(new ResolutionConfirmed(Customer.PartyId, now))
            : Refuse(RefusalCode.NoFixProposed, "No fix has been proposed yet.");

    /// <summary>A proposed fix is rejected; a resolved complaint, or a closed one within the reopen window, is reopened.</summary>
    public static Decision ReportStillBroken(Complaint state, ReportStillBroken c, TimeSpan reopenWindow, DateTimeOffset now)
    {
        if (state.Status == ComplaintStatus.ResolutionProposed)
            return Emit(new ResolutionRejected(Customer.PartyId, c.Comment, now));
        if (state.Status == ComplaintStatus.Cancelled)
            return Refuse(RefusalCode.ComplaintClosed, "This complaint was withdrawn; please contact the store if the problem is back.");
        if (state.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed))
            return Refuse(RefusalCode.NoFixProposed, "No fix has been proposed yet: the complaint is still being worked on.");
        if (state.ClosedAt is { } closedAt && now - closedAt > reopenWindow)
            return Refuse(RefusalCode.ReopenWindowExpired,
                $"The complaint was closed on {closedAt:yyyy-MM-dd}; it can be reopened for {reopenWindow.TotalDays:0.#} days after closing.");
        return Emit(new ComplaintReopened(Customer.PartyId, c.Comment is { Length: > 0 } comment ? comment : "The customer says it is still broken.", now));
    }

    /// <summary>
    /// The customer asks the store to step in (<see cref="StepIn"/> says when they may); by the policy's default the
    /// store then takes the complaint over.
    /// </summary>
    public static Decision AskStoreToStepIn(Complaint state, Policy policy, PartyDirectory parties, DateTimeOffset now) => state.StepInStanding() switch
    {
        StepInStanding.Open when policy.StepInRequest.StoreTakesOver => Emit(new StepInRequested(Customer.PartyId, now),
            new ComplaintTakenOver(state.Holder, Party.StoreId, TakeOverCause.CustomerAsked, now)),
        StepInStanding.Open => Emit(new StepInRequested(Customer.PartyId, now)),
        StepInStanding.AlreadyAsked => Refuse(RefusalCode.StepInAlreadyAsked, $"You have already asked {parties.NameOf(Party.StoreId)} to step in on this complaint."),
        StepInStanding.StoreHolds => Refuse(RefusalCode.StepInNotAllowed, $"{parties.NameOf(Party.StoreId)} is handling this complaint itself already."),
        StepInStanding.Finished => Refuse(RefusalCode.StepInNotAllowed, "This complaint is no longer open; if it is still not working, tell us so instead."),
        _ => Refuse(RefusalCode.StepInNotAllowed,
            $"{parties.NameOf(Party.StoreId)} can step in once the complaint has been passed back and forth or a deadline has passed; neither has happened."),
    };

    public static Decision Rate(Complaint state, RateHandling c, DateTimeOffset now)
    {
        if (c.Stars is < 1 or > 5)
            return Refuse(RefusalCode.InvalidRating, "A rating is from 1 to 5 stars.");
        return state.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed
            ? Emit(new ComplaintRated(Customer.PartyId, c.Stars, c.Comment, now))
            : Refuse(RefusalCode.NotResolved, "You can rate the handling once the complaint is resolved.");
    }
}
