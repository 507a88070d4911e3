using Accountability.Domain.Complaints;

namespace Accountability.Domain.Decisions;

/// <summary>Why a command was refused. Each code is a stable kind of error that clients can rely on.</summary>
public enum RefusalCode
{
    OperatorOnly,
    NotTheHolder,
    HandoffToSelf,
    UnknownParty,
    ComplaintClosed,
    ReopenWindowExpired,
    NotResolved,
    AlreadyResolved,
    AlreadyAcknowledged,
    NotAwaitingInformation,
    AlreadyAwaitingThirdParty,
    NotAwaitingThirdParty,
    Escalated,
    NoFixProposed,
    NoTrackingLink,
    InvalidRating,
    ProblemResolved,
    AlreadyLinked,
    NotLinked,
    NoOwner,
    RootCauseMissing,
    StepInNotAllowed,
    StepInAlreadyAsked,
    InvalidAmount,
    SplitNotWhole,
    UnknownCharge,
    ChargeAlreadyReversed,
    PartyNotInvolved,
    DueOutOfRange,
    EvidenceRequestNotFound,
    EvidenceRequestClosed,
    NotTheAskedParty,
    EvidenceDeadlinePassed,
    NotTheChargedParty,
    AppealWindowClosed,
    AppealAlreadyMade,
    StatementMissing,
    NoOpenAppeal,
    ReasonMissing,
    ReplacementNeedsOverturn,
    NothingToDecide,
    RelationshipEnded,
}

public sealed record Refusal(RefusalCode Code, string Detail);

/// <summary>The outcome of a command: the events to append, or why nothing may be appended.</summary>
public sealed record Decision
{
    private Decision(IReadOnlyList<IComplaintEvent> events, Refusal? refusal) => (Events, Refusal) = (events, refusal);

    public IReadOnlyList<IComplaintEvent> Events { get; }

    public Refusal? Refusal { get; }

    public static Decision Emit(params IComplaintEvent[] events) => new(events, null);

    public static Decision Refuse(RefusalCode code, string detail) => new([], new Refusal(code, detail));
}

/// <summary>What kind of caller acts: decided by how they came in (an operator key, a vendor key, a tracking link), never by an id.</summary>
public enum ActorKind
{
    Operator,
    Vendor,
    Customer,
}

/// <summary>Who is acting. Operators act as the store party; their override over a holder is to assign the complaint.</summary>
public sealed record Actor(string PartyId, ActorKind Kind)
{
    public bool IsOperator => Kind == ActorKind.Operator;

    public bool IsCustomer => Kind == ActorKind.Customer;

    public static Actor Operator(string partyId) => new(partyId, ActorKind.Operator);

    public static Actor Vendor(string partyId) => new(partyId, ActorKind.Vendor);
}
