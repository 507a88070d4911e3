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

    public static readonly IReadOnlyList<string> All = [Assigned, Flagged, Escalated, Reopened, Closed, DeadlineApproaching];
}
