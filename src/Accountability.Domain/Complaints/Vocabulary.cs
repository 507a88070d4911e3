namespace Accountability.Domain.Complaints;

public enum ComplaintStatus
{
    Open,
    InProgress,
    AwaitingInformation,
    ResolutionProposed,
    Resolved,
    Closed,
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
