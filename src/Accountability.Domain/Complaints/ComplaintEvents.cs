namespace Accountability.Domain.Complaints;

/// <summary>What every complaint event says about who did it and when.</summary>
public interface IComplaintEvent
{
    string By { get; }
    DateTimeOffset At { get; }
}

public sealed record ComplaintFiled(
    Guid ComplaintId,
    string CustomerReference,
    string Product,
    string VendorId,
    string Category,
    string Description,
    Channel Channel,
    string By,
    DateTimeOffset At,
    Rules.Severity Severity = Rules.Severity.Medium,
    string? TrackingTokenHash = null,
    Liability.Money? Claim = null) : IComplaintEvent;

/// <param name="Reason">Why the operator moved it; null on assignments recorded before reasons existed, and on imported ones.</param>
/// <param name="Note">The operator's own words, if any.</param>
public sealed record ComplaintAssigned(string To, string By, DateTimeOffset At, AssignmentReason? Reason = null, string? Note = null) : IComplaintEvent;

public sealed record ComplaintAcknowledged(string By, DateTimeOffset At) : IComplaintEvent;

public sealed record ComplaintHandedOff(
    string From,
    string To,
    HandoffReason Reason,
    string? Note,
    IReadOnlyList<string> Evidence,
    DateTimeOffset At) : IComplaintEvent
{
    string IComplaintEvent.By => From;
}

/// <summary>A party told the customer to go to another party instead of handing the complaint over.</summary>
public sealed record CustomerRedirected(string By, string RedirectedTo, string? Message, DateTimeOffset At) : IComplaintEvent;

public sealed record InformationRequested(string By, string Question, DateTimeOffset At) : IComplaintEvent;

public sealed record InformationProvided(string By, string Answer, DateTimeOffset At) : IComplaintEvent;

/// <summary>The holder is waiting on someone outside the ledger (a supplier, a carrier, a bank): its clock stands still.</summary>
/// <param name="ThirdParty">Who is being waited on, in the holder's words: not a registered party, so never charged.</param>
public sealed record ThirdPartyWaitStarted(string By, string ThirdParty, string? Reason, DateTimeOffset At) : IComplaintEvent;

/// <summary>The third party answered (recorded by the holder, or by the operator): the wait is over and the holder's clock runs again.</summary>
public sealed record ThirdPartyResponded(string By, string Answer, DateTimeOffset At) : IComplaintEvent;

public sealed record ResolutionProposed(string By, string Summary, DateTimeOffset At) : IComplaintEvent;

/// <param name="Remedy">What was done, in the resolver's words (a note beside <paramref name="Terms"/>).</param>
/// <param name="Terms">The remedy with money: its kind, its cost and who bears it; null on resolutions without one. Each borne part follows as a <see cref="ChargeCreated"/>.</param>
/// <param name="Judgment">Set when the store resolved by default judgment: who let which clock run out, and when it was due; null otherwise.</param>
public sealed record ComplaintResolved(
    string By,
    RootCause RootCause,
    string LiableParty,
    string Remedy,
    DateTimeOffset At,
    Liability.RemedyTerms? Terms = null,
    Liability.DefaultJudgment? Judgment = null) : IComplaintEvent;

public sealed record ComplaintReopened(string By, string Reason, DateTimeOffset At) : IComplaintEvent;

public sealed record ComplaintClosed(string By, DateTimeOffset At) : IComplaintEvent;

/// <summary>The complaint was withdrawn (the customer no longer wants it handled): it ends unresolved, and nobody is to blame.</summary>
public sealed record ComplaintCancelled(string By, string Reason, DateTimeOffset At) : IComplaintEvent;

/// <summary>The customer says the proposed fix worked.</summary>
public sealed record ResolutionConfirmed(string By, DateTimeOffset At) : IComplaintEvent;

/// <summary>The customer says the proposed fix did not work: the holder is working on it again.</summary>
public sealed record ResolutionRejected(string By, string? Comment, DateTimeOffset At) : IComplaintEvent;

/// <summary>The customer rated how the complaint was handled, from 1 to 5.</summary>
public sealed record ComplaintRated(string By, int Stars, string? Comment, DateTimeOffset At) : IComplaintEvent;

/// <summary>The customer's tracking link was replaced: only the token whose SHA-256 this is opens the status page now.</summary>
public sealed record TrackingLinkReissued(string TokenHash, string By, DateTimeOffset At) : IComplaintEvent;

/// <summary>The customer's tracking link no longer opens the status page.</summary>
public sealed record TrackingLinkRevoked(string By, DateTimeOffset At) : IComplaintEvent;

/// <summary>The customer asked the store to take the complaint over (as eBay's "ask us to step in"): at most once per episode.</summary>
public sealed record StepInRequested(string By, DateTimeOffset At) : IComplaintEvent;

/// <summary>
/// The policy moved the complaint from <paramref name="From"/> to <paramref name="To"/> (the store, or the policy's fallback
/// party): the holder let its acknowledgement deadline pass, or the customer asked the store to step in.
/// </summary>
public sealed record ComplaintTakenOver(string From, string To, TakeOverCause Cause, DateTimeOffset At) : IComplaintEvent
{
    string IComplaintEvent.By => Rules.RuleEngine.Actor;
}

/// <summary>
/// The operator asked <paramref name="Party"/> for evidence by <paramref name="Due"/> (as a card network gives a dispute an
/// evidence deadline): past it, no answer is accepted and the deadline's miss is recorded.
/// </summary>
/// <param name="RequestId">The request's id, which the answer names.</param>
/// <param name="Reason">Why the evidence is wanted.</param>
/// <param name="Needed">What is needed, in the operator's words.</param>
public sealed record EvidenceRequested(Guid RequestId, string Party, string Reason, string Needed, DateTimeOffset Due, string By, DateTimeOffset At)
    : IComplaintEvent;

/// <summary>The asked party answered an evidence request in time, with references to its evidence and a note.</summary>
public sealed record EvidenceSubmitted(Guid RequestId, string By, IReadOnlyList<string> Evidence, string? Note, DateTimeOffset At) : IComplaintEvent;

/// <summary>The due time of an evidence request passed with no answer: recorded by the deadline scheduler when it fell due.</summary>
public sealed record EvidenceDeadlineMissed(Guid RequestId, string Party, DateTimeOffset Due, DateTimeOffset At) : IComplaintEvent
{
    string IComplaintEvent.By => Rules.RuleEngine.Actor;
}
