using Accountability.Domain.Complaints;
using Accountability.Domain.RecurringProblems;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Decisions;

/// <summary>What may be asked of a complaint: plain data, decided by <see cref="ComplaintDecider"/>.</summary>
public interface IComplaintCommand;

public sealed record FileComplaint(
    Guid ComplaintId,
    string CustomerReference,
    string Product,
    string VendorId,
    string Category,
    string Description,
    Channel Channel,
    Rules.Severity Severity = Rules.Severity.Medium,
    string? TrackingTokenHash = null,
    Liability.Money? Claim = null) : IComplaintCommand;

public sealed record AssignComplaint(string To, AssignmentReason? Reason = null, string? Note = null) : IComplaintCommand;

public sealed record AcknowledgeComplaint : IComplaintCommand;

public sealed record HandOffComplaint(string To, HandoffReason Reason, string? Note, IReadOnlyList<string> Evidence) : IComplaintCommand;

public sealed record RecordCustomerRedirect(string Party, string RedirectedTo, string? Message) : IComplaintCommand;

public sealed record RequestInformation(string Question) : IComplaintCommand;

public sealed record ProvideInformation(string Answer) : IComplaintCommand;

/// <param name="ThirdParty">Who the holder is waiting on, in its own words.</param>
public sealed record WaitForThirdParty(string ThirdParty, string? Reason) : IComplaintCommand;

public sealed record RecordThirdPartyResponse(string Answer) : IComplaintCommand;

public sealed record ProposeResolution(string Summary) : IComplaintCommand;

/// <param name="Remedy">The resolver's note on what was done.</param>
/// <param name="Terms">The remedy with money and who bears it; null for a resolution without one (no charge follows).</param>
public sealed record ResolveComplaint(RootCause RootCause, string LiableParty, string Remedy, Liability.RemedyTerms? Terms = null) : IComplaintCommand;

/// <summary>The operator reverses a charge, saying why, and may charge a replacement in its place.</summary>
public sealed record ReverseCharge(Guid ChargeId, string Reason, ChargeReplacement? Replacement = null) : IComplaintCommand;

/// <summary>The charge that replaces a reversed one: which party, how much.</summary>
public sealed record ChargeReplacement(string Party, Liability.Money Amount);

/// <summary>The charged party appeals its charge, saying why, with references to its evidence.</summary>
public sealed record AppealCharge(Guid ChargeId, string Statement, IReadOnlyList<string> Evidence) : IComplaintCommand;

/// <summary>The operator decides a charge's open appeal; overturned, it may charge a replacement in its place.</summary>
public sealed record DecideAppeal(Guid ChargeId, Liability.AppealOutcome Outcome, string Reason, ChargeReplacement? Replacement = null) : IComplaintCommand;

public sealed record ReopenComplaint(string Reason) : IComplaintCommand;

public sealed record CloseComplaint : IComplaintCommand;

public sealed record CancelComplaint(string Reason) : IComplaintCommand;

public sealed record ReissueTrackingLink(string TokenHash) : IComplaintCommand;

public sealed record RevokeTrackingLink : IComplaintCommand;

/// <summary>The customer's answer to a request for information, given on the status page.</summary>
public sealed record AnswerAsCustomer(string Answer) : IComplaintCommand;

public sealed record ConfirmFix : IComplaintCommand;

/// <summary>The customer says it is still broken: rejects a proposed fix, or reopens a resolved complaint.</summary>
public sealed record ReportStillBroken(string? Comment) : IComplaintCommand;

/// <summary>The customer asks the store to take the complaint over, from the status page.</summary>
public sealed record AskStoreToStepIn : IComplaintCommand;

public sealed record RateHandling(int Stars, string? Comment) : IComplaintCommand;

/// <summary>A resolved problem's fix, proposed to one of its linked complaints.</summary>
public sealed record ProposeFix(RecurringProblem Problem) : IComplaintCommand;

/// <summary>A holder's deadline fell due: the rules judge it; nobody decides anything.</summary>
public sealed record JudgeDueDeadline(Deadline Deadline) : IComplaintCommand;

/// <summary>The operator asks a party for evidence by a due time: <paramref name="DueBy"/>, or <paramref name="DueIn"/> from now.</summary>
public sealed record RequestEvidence(Guid RequestId, string Party, string Reason, string Needed, DateTimeOffset? DueBy, TimeSpan? DueIn = null) : IComplaintCommand;

/// <summary>The asked party answers an evidence request with references to its evidence.</summary>
public sealed record SubmitEvidence(Guid RequestId, IReadOnlyList<string> Evidence, string? Note) : IComplaintCommand;
