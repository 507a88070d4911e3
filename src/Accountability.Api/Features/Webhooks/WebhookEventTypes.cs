namespace Accountability.Api.Features.Webhooks;

/// <summary>What a party can subscribe to about the complaints it holds.</summary>
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

    public static readonly IReadOnlyList<string> All = [Assigned, Flagged, Escalated, Reopened, Closed, DeadlineApproaching, CustomerResponded];
}
