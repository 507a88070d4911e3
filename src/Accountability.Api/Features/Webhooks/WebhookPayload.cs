using Accountability.Domain.Complaints;
using Accountability.Domain.RecurringProblems;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Webhooks;

/// <summary>What a deadline warning says: which deadline, and when it falls.</summary>
public sealed record DeadlineApproaching(DeadlineKind Deadline, DateTimeOffset DueAt);

/// <summary>The complaint as it stands after the event.</summary>
public sealed record ComplaintSummary(string Holder, string Accountable, ComplaintStatus Status)
{
    /// <summary>The holder's next deadline still owed; null while its clock is paused or stopped (version 2).</summary>
    public NextStep? NextStepDue { get; init; }
}

/// <summary>Which deadline comes next, whose it is, and when it falls.</summary>
public sealed record NextStep(DeadlineKind Deadline, string Party, DateTimeOffset DueAt)
{
    public static NextStep Of(Deadline d) => new(d.Kind, d.Holder, d.DueAt);
}

/// <summary>Absolute addresses of the complaint and its timeline in the API, from the service's public address.</summary>
public sealed record ComplaintLinks(string Complaint, string Timeline);

/// <summary>
/// What a complaint webhook's body says: the event type, which complaint (and at which version of its stream), what
/// happened (the event itself, under its name), where the complaint stands now, and a link to it in the API. Version 2
/// added <see cref="Version"/>, <see cref="EventName"/>, <see cref="Reason"/> and <see cref="Links"/>, and changed nothing.
/// </summary>
public sealed record WebhookPayload(
    string Id,
    string Type,
    DateTimeOffset Timestamp,
    string Tenant,
    Guid ComplaintId,
    long ComplaintVersion,
    string Event,
    object Data,
    ComplaintSummary Complaint,
    string Link)
{
    public int Version { get; init; } = WebhookOutbox.PayloadVersion;

    /// <summary>The event's name as the timeline gives it (complaint_handed_off).</summary>
    public string EventName { get; init; } = "";

    /// <summary>Why: the flag's sentence, the escalation's or handoff's reason; null when the event gives none.</summary>
    public string? Reason { get; init; }

    public ComplaintLinks Links { get; init; } = null!;
}

/// <summary>A recurring problem as it stands after the event.</summary>
public sealed record ProblemSummary(string Product, string Category, string? Owner, ProblemStatus Status, IReadOnlyList<Guid> LinkedComplaints)
{
    public static ProblemSummary Of(RecurringProblem p) => new(p.Product, p.Category, p.Owner, p.Status, p.LinkedComplaints);
}

public sealed record ProblemLinks(string Problem);

/// <summary>What a problem webhook's body says (openapi/problem-webhook-payload.schema.json): the same envelope, about a problem.</summary>
public sealed record ProblemPayload(
    string Id,
    string Type,
    int Version,
    DateTimeOffset Timestamp,
    string Tenant,
    Guid ProblemId,
    long ProblemVersion,
    string Event,
    string EventName,
    string? Reason,
    object Data,
    ProblemSummary Problem,
    ProblemLinks Links);

/// <summary>What a vendor.standing_changed webhook's body says: the vendor's standing stream event and where to read it.</summary>
public sealed record StandingPayload(string Id, string Type, int Version, DateTimeOffset Timestamp, string Tenant, string VendorId, long StandingVersion,
    string Event, object Data, string Standing);
/// <summary>What <c>statement.ready</c>'s body says: the same envelope, about a party's statement of a closed month.</summary>
/// <param name="Party">The party whose statement it is.</param>
/// <param name="Data">The month (period) and its net per currency.</param>
/// <param name="Statement">Where to read the statement.</param>
public sealed record StatementPayload(string Id, string Type, int Version, DateTimeOffset Timestamp, string Tenant, string Party, object Data, string Statement);
