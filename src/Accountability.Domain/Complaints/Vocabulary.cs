namespace Accountability.Domain.Complaints;

/// <summary>
/// Where a complaint stands: Open (not yet acknowledged by its holder), InProgress (acknowledged), AwaitingInformation
/// (waiting on the customer), AwaitingThirdParty (waiting on someone outside), ResolutionProposed (a fix awaits the
/// customer's answer), Resolved, Closed, Cancelled (withdrawn).
/// </summary>
public enum ComplaintStatus
{
    Open,
    InProgress,
    AwaitingInformation,
    AwaitingThirdParty,
    ResolutionProposed,
    Resolved,
    Closed,
    Cancelled,
}

/// <summary>How the customer reached the store.</summary>
public enum Channel
{
    Web,
    Email,
    Phone,
    Chat,
    App,
    Social,
    Other,
}

/// <summary>Why a holder hands a complaint on.</summary>
public enum HandoffReason
{
    NotOurComponent,
    WrongParty,
    NeedsVendorFix,
    NeedsStoreAction,
    Escalation,
    Other,
}

/// <summary>Why the operator moved a complaint to another party: a small fixed set, so assignments can be counted and compared.</summary>
public enum AssignmentReason
{
    /// <summary>The party holding it is not the one that can put it right.</summary>
    WrongParty,
    /// <summary>It needs a party with particular knowledge (a payment provider, a device maker).</summary>
    NeedsSpecialist,
    /// <summary>The holder let it sit: no answer, a deadline passed.</summary>
    Unresponsive,
    /// <summary>It is serious or has dragged on: it goes to a party with more authority, the store itself included.</summary>
    Escalation,
    /// <summary>Spreading work between parties that could each handle it.</summary>
    Workload,
    Other,
}

/// <summary>What caused the trouble.</summary>
public enum RootCause
{
    ProductDefect,
    StorePlatform,
    Billing,
    Delivery,
    CustomerError,
    ThirdParty,
    Unknown,
}

/// <summary>Why the policy moved a complaint to the store or its fallback party.</summary>
public enum TakeOverCause
{
    AcknowledgementMissed,
    CustomerAsked,
}
