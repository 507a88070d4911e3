namespace Accountability.Domain.Complaints;

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

public enum HandoffReason
{
    NotOurComponent,
    WrongParty,
    NeedsVendorFix,
    NeedsStoreAction,
    Escalation,
    Other,
}

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
