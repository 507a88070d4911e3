using Accountability.Domain.Complaints;

namespace Accountability.Domain.Decisions;

public sealed record FileComplaint(
    Guid ComplaintId,
    string CustomerReference,
    string Product,
    string VendorId,
    string Category,
    string Description,
    Channel Channel,
    Rules.Severity Severity = Rules.Severity.Medium,
    string? TrackingTokenHash = null);

public sealed record AssignComplaint(string To);

public sealed record AcknowledgeComplaint;

public sealed record HandOffComplaint(string To, HandoffReason Reason, string? Note, IReadOnlyList<string> Evidence);

public sealed record RecordCustomerRedirect(string Party, string RedirectedTo, string? Message);

public sealed record RequestInformation(string Question);

public sealed record ProvideInformation(string Answer);

/// <param name="ThirdParty">Who the holder is waiting on, in its own words.</param>
public sealed record WaitForThirdParty(string ThirdParty, string? Reason);

public sealed record RecordThirdPartyResponse(string Answer);

public sealed record ProposeResolution(string Summary);

public sealed record ResolveComplaint(RootCause RootCause, string LiableParty, string Remedy);

public sealed record ReopenComplaint(string Reason);

public sealed record CloseComplaint;

public sealed record CancelComplaint(string Reason);

public sealed record ReissueTrackingLink(string TokenHash);

public sealed record RevokeTrackingLink;

/// <summary>The customer's answer to a request for information, given on the status page.</summary>
public sealed record AnswerAsCustomer(string Answer);

public sealed record ConfirmFix;

/// <summary>The customer says it is still broken: rejects a proposed fix, or reopens a resolved complaint.</summary>
public sealed record ReportStillBroken(string? Comment);

public sealed record RateHandling(int Stars, string? Comment);
