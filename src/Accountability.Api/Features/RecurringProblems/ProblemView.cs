using System.Text.Json.Serialization;
using Accountability.Api.Features.Complaints;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems;

/// <param name="OpenedBy">Who opened it; null when the service did, because complaints passed the policy's threshold.</param>
/// <param name="LinkedComplaints">How many complaints are linked; to a vendor, how many of them it may see (left out of lists).</param>
public sealed record ProblemView(
    Guid Id,
    ProblemStatus Status,
    string Product,
    string Category,
    string Summary,
    bool OpenedAutomatically,
    PartyRef? OpenedBy,
    DateTimeOffset OpenedAt,
    PartyRef? Owner,
    RootCause? RootCause,
    string? RootCauseExplanation,
    string? Fix,
    DateTimeOffset? ResolvedAt,
    int? LinkedComplaints,
    long Version)
{
    /// <summary>Only in the answer to resolving: the complaints the fix was proposed to, and those left as they were.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public FixProposals? Proposals { get; init; }

    public static ProblemView From(RecurringProblem p, PartyDirectory parties, int? linkedShown) => new(
        p.Id, p.Status, p.Product, p.Category, p.Summary, p.OpenedAutomatically, p.OpenedBy is { } by ? PartyRef.Of(by, parties) : null,
        p.OpenedAt, p.Owner is { } owner ? PartyRef.Of(owner, parties) : null, p.RootCause, p.RootCauseExplanation, p.Fix, p.ResolvedAt,
        linkedShown, p.Version);
}

/// <param name="Reason">The problem kind the complaint would have answered, such as complaint-closed.</param>
public sealed record SkippedComplaint(Guid ComplaintId, string Reason);

public sealed record FixProposals(IReadOnlyList<Guid> ProposedTo, IReadOnlyList<SkippedComplaint> Skipped);

/// <summary>
/// The problem's page: the problem, its linked complaints, the time they were held summed per party (the cost of the
/// problem in time), and every party involved in them.
/// </summary>
public sealed record ProblemPage(ProblemView Problem, IReadOnlyList<ComplaintView> Complaints, IReadOnlyList<TimeHeld> TimeHeld, long TotalSecondsHeld, IReadOnlyList<PartyRef> Parties);
