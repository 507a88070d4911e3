using Accountability.Domain.Webhooks;

namespace Accountability.Api.Features.Webhooks;

/// <summary>What a party can subscribe to about the complaints and recurring problems it answers for (docs/webhooks.md).</summary>
public static class WebhookEventTypes
{
    public const string Assigned = "complaint.assigned";
    public const string Flagged = "complaint.flagged";
    public const string Escalated = "complaint.escalated";
    public const string Reopened = "complaint.reopened";
    public const string Closed = "complaint.closed";
    public const string DeadlineApproaching = "complaint.deadline_approaching";

    /// <summary>The customer answered a question, or said whether the proposed fix worked, on the status page.</summary>
    public const string CustomerResponded = "complaint.customer_responded";

    /// <summary>The party now answers for the complaint and did not before the event (whichever event moved it).</summary>
    public const string AccountabilityChanged = "complaint.accountability_changed";

    /// <summary>The store proposed a fix (a recurring problem's, or its own) on a complaint.</summary>
    public const string FixProposed = "complaint.fix_proposed";

    /// <summary>A party was charged its share of a remedy, or a correction (to that party and the store).</summary>
    public const string ChargeCreated = "charge.created";

    /// <summary>A charge was reversed by the operator (to the party charged and the store).</summary>
    public const string ChargeReversed = "charge.reversed";

    /// <summary>A charged party appealed its charge (to the store, which decides it).</summary>
    public const string AppealOpened = "appeal.opened";

    /// <summary>The operator decided an appeal, upheld or overturned (to the party that appealed and the store).</summary>
    public const string AppealDecided = "appeal.decided";

    /// <summary>The operator asked the party for evidence by a due time.</summary>
    public const string EvidenceRequested = "evidence.requested";

    /// <summary>The party let an evidence request's due time pass unanswered.</summary>
    public const string EvidenceDeadlineMissed = "evidence.deadline_missed";

    /// <summary>The vendor's standing changed (good, warning, probation) or the operator decided what follows (to the vendor and the store).</summary>
    public const string StandingChanged = "vendor.standing_changed";
    /// <summary>A month closed and the party's statement of it is final (to that party).</summary>
    public const string StatementReady = "statement.ready";

    public const string ProblemOpened = "problem.opened";
    public const string ProblemOwnerAssigned = "problem.owner_assigned";
    public const string ProblemRootCauseRecorded = "problem.root_cause_recorded";
    public const string ProblemResolved = "problem.resolved";

    public static readonly IReadOnlyList<string> All =
    [
        Assigned, Flagged, Escalated, Reopened, Closed, DeadlineApproaching, CustomerResponded, AccountabilityChanged, FixProposed,
        ProblemOpened, ProblemOwnerAssigned, ProblemRootCauseRecorded, ProblemResolved, ChargeCreated, ChargeReversed,
        EvidenceRequested, EvidenceDeadlineMissed, AppealOpened, AppealDecided,
        StandingChanged,
        StatementReady,
    ];

    public static string Of(NoticeKind kind) => kind switch
    {
        NoticeKind.Assigned => Assigned,
        NoticeKind.Flagged => Flagged,
        NoticeKind.Escalated => Escalated,
        NoticeKind.Reopened => Reopened,
        NoticeKind.Closed => Closed,
        NoticeKind.CustomerResponded => CustomerResponded,
        NoticeKind.AccountabilityChanged => AccountabilityChanged,
        NoticeKind.FixProposed => FixProposed,
        NoticeKind.ProblemOpened => ProblemOpened,
        NoticeKind.ProblemOwnerAssigned => ProblemOwnerAssigned,
        NoticeKind.ProblemRootCauseRecorded => ProblemRootCauseRecorded,
        NoticeKind.ProblemResolved => ProblemResolved,
        NoticeKind.ChargeCreated => ChargeCreated,
        NoticeKind.ChargeReversed => ChargeReversed,
        NoticeKind.EvidenceRequested => EvidenceRequested,
        NoticeKind.EvidenceDeadlineMissed => EvidenceDeadlineMissed,
        NoticeKind.AppealOpened => AppealOpened,
        NoticeKind.AppealDecided => AppealDecided,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
