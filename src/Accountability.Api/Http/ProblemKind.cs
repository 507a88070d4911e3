using Accountability.Domain.Decisions;

namespace Accountability.Api.Http;

/// <summary>A stable kind of error: its status, title and the `type` URI clients can switch on.</summary>
public sealed record ProblemKind(string Slug, int Status, string Title)
{
    public string Type => $"urn:accountability:problem:{Slug}";

    public static readonly ProblemKind Validation = new("validation", 400, "The request is not valid.");
    public static readonly ProblemKind MalformedRequest = new("malformed-request", 400, "The request body could not be read.");
    public static readonly ProblemKind Unauthenticated = new("unauthenticated", 401, "A valid API key is required.");
    public static readonly ProblemKind Forbidden = new("forbidden", 403, "This key may not do that.");
    public static readonly ProblemKind NotFound = new("not-found", 404, "Not found.");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed.");
    public static readonly ProblemKind AlreadyExists = new("already-exists", 409, "It already exists.");
    public static readonly ProblemKind ConcurrentUpdate = new("concurrent-update", 409, "Someone else changed the complaint at the same time.");
    public static readonly ProblemKind IdempotencyKeyInProgress = new("idempotency-key-in-progress", 409, "A request with this Idempotency-Key is still being processed.");
    public static readonly ProblemKind PreconditionFailed = new("precondition-failed", 412, "The complaint has changed since the version in If-Match.");
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", 413, "The request body is too large.");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "Send the body as application/json.");
    public static readonly ProblemKind TargetRefused = new("target-refused", 422, "Webhooks cannot be sent to that URL.");
    public static readonly ProblemKind IdempotencyKeyReused = new("idempotency-key-reused", 422, "This Idempotency-Key was used for a different request.");
    public static readonly ProblemKind RateLimited = new("rate-limited", 429, "Too many requests.");
    public static readonly ProblemKind ServiceUnavailable = new("service-unavailable", 503, "The service cannot reach its database; retry shortly.");
    public static readonly ProblemKind NotReady = new("not-ready", 503, "The service is not ready: a check it needs fails.");
    public static readonly ProblemKind Unexpected = new("unexpected", 500, "Something went wrong on our side.");

    /// <summary>Business refusals from the domain: a conflict with the complaint's state (409) or an impossible request (422).</summary>
    public static ProblemKind For(RefusalCode code) => code switch
    {
        RefusalCode.OperatorOnly => new("operator-only", 403, "Only the marketplace operator may do this."),
        RefusalCode.NotTheHolder => new("not-the-holder", 409, "Only the current holder may do this."),
        RefusalCode.HandoffToSelf => new("handoff-to-self", 422, "A party cannot hand a complaint to itself."),
        RefusalCode.UnknownParty => new("unknown-party", 422, "The party is not registered."),
        RefusalCode.ComplaintClosed => new("complaint-closed", 409, "The complaint is closed."),
        RefusalCode.ReopenWindowExpired => new("reopen-window-expired", 409, "The complaint can no longer be reopened."),
        RefusalCode.NotResolved => new("not-resolved", 409, "The complaint is not resolved."),
        RefusalCode.AlreadyResolved => new("already-resolved", 409, "The complaint is already resolved."),
        RefusalCode.AlreadyAcknowledged => new("already-acknowledged", 409, "The complaint is already acknowledged."),
        RefusalCode.NotAwaitingInformation => new("not-awaiting-information", 409, "No information was requested."),
        RefusalCode.AlreadyAwaitingThirdParty => new("already-awaiting-third-party", 409, "The holder is already waiting on a third party."),
        RefusalCode.NotAwaitingThirdParty => new("not-awaiting-third-party", 409, "Nobody is waiting on a third party."),
        RefusalCode.Escalated => new("escalated", 409, "The marketplace has taken the complaint over."),
        RefusalCode.NoFixProposed => new("no-fix-proposed", 409, "No fix has been proposed."),
        RefusalCode.NoTrackingLink => new("no-tracking-link", 409, "The complaint has no tracking link."),
        RefusalCode.InvalidRating => new("invalid-rating", 422, "A rating is from 1 to 5."),
        RefusalCode.ProblemResolved => new("problem-resolved", 409, "The problem is resolved."),
        RefusalCode.AlreadyLinked => new("already-linked", 409, "The complaint is already linked to a problem."),
        RefusalCode.NotLinked => new("not-linked", 409, "The complaint is not linked to this problem."),
        RefusalCode.NoOwner => new("no-owner", 409, "The problem has no owner."),
        RefusalCode.RootCauseMissing => new("root-cause-missing", 422, "The root cause is missing."),
        RefusalCode.StepInNotAllowed => new("step-in-not-allowed", 409, "The store cannot be asked to step in now."),
        RefusalCode.StepInAlreadyAsked => new("step-in-already-asked", 409, "The store was already asked to step in."),
        RefusalCode.InvalidAmount => new("invalid-amount", 422, "The amount is not valid money."),
        RefusalCode.SplitNotWhole => new("split-not-whole", 422, "The shares do not make a whole."),
        RefusalCode.UnknownCharge => new("unknown-charge", 404, "The complaint has no such charge."),
        RefusalCode.ChargeAlreadyReversed => new("charge-already-reversed", 409, "The charge is already reversed."),
        RefusalCode.PartyNotInvolved => new("party-not-involved", 422, "The party has no part in this complaint."),
        RefusalCode.DueOutOfRange => new("due-out-of-range", 422, "The due time must be in the future and within a year."),
        RefusalCode.EvidenceRequestNotFound => new("evidence-request-not-found", 404, "The complaint has no such evidence request."),
        RefusalCode.EvidenceRequestClosed => new("evidence-request-closed", 409, "The evidence request is no longer open."),
        RefusalCode.NotTheAskedParty => new("not-the-asked-party", 403, "Only the party asked may answer."),
        RefusalCode.EvidenceDeadlinePassed => new("evidence-deadline-passed", 409, "The evidence request's due time has passed."),
        RefusalCode.NotTheChargedParty => new("not-the-charged-party", 403, "Only the party charged may appeal its charge."),
        RefusalCode.AppealWindowClosed => new("appeal-window-closed", 409, "The charge's appeal window has closed."),
        RefusalCode.AppealAlreadyMade => new("appeal-already-made", 409, "The charge was already appealed."),
        RefusalCode.StatementMissing => new("statement-missing", 422, "The appeal's statement is missing."),
        RefusalCode.NoOpenAppeal => new("no-open-appeal", 409, "The charge has no open appeal."),
        RefusalCode.ReasonMissing => new("reason-missing", 422, "The decision's reason is missing."),
        RefusalCode.ReplacementNeedsOverturn => new("replacement-needs-overturn", 422, "Only an overturned charge is replaced."),
        RefusalCode.NothingToDecide => new("nothing-to-decide", 409, "The vendor's standing calls for no such decision."),
        RefusalCode.RelationshipEnded => new("relationship-ended", 409, "The relationship with the vendor was ended."),
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, null),
    };
}
