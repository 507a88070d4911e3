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
