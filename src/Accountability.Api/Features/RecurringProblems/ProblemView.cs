using System.Text.Json.Serialization;
using Accountability.Api.Features.Complaints;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.RecurringProblems;

namespace Accountability.Api.Features.RecurringProblems;

/// <summary>A recurring problem: several complaints about one product and category with one cause.</summary>
/// <param name="Id">The problem's id.</param>
/// <param name="Product">The product or listing the complaints are about.</param>
/// <param name="Category">The kind of trouble they share.</param>
/// <param name="Summary">What the problem is, in a line written when it was opened.</param>
/// <param name="OpenedAutomatically">True when the service opened it because complaints passed the policy's threshold; false when an operator did.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="Owner">The party assigned to find the cause and fix it; null until one is assigned.</param>
/// <param name="RootCauseExplanation">What the root cause was, in the owner's words; null until recorded.</param>
/// <param name="Fix">The fix, as recorded when the problem was resolved; null while open.</param>
/// <param name="ResolvedAt">When it was resolved; null while open.</param>
/// <param name="Version">The problem's version: its ETag, to send back as If-Match.</param>
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

/// <summary>A linked complaint the fix was not proposed to, and why.</summary>
/// <param name="ComplaintId">The complaint's id.</param>
/// <param name="Reason">The problem kind the complaint would have answered, such as complaint-closed.</param>
public sealed record SkippedComplaint(Guid ComplaintId, string Reason);

/// <summary>Only in the answer to resolving a problem: what became of its linked complaints.</summary>
/// <param name="ProposedTo">The ids of the complaints the fix was proposed to.</param>
/// <param name="Skipped">The complaints left as they were, with why.</param>
public sealed record FixProposals(IReadOnlyList<Guid> ProposedTo, IReadOnlyList<SkippedComplaint> Skipped);

/// <summary>
/// The problem's page: the problem, its linked complaints, the time they were held summed per party (the cost of the
/// problem in time), and every party involved in them.
/// </summary>
/// <param name="Complaints">The linked complaints the caller may see.</param>
/// <param name="TimeHeld">How long each party has held those complaints, summed up to now, by party id.</param>
/// <param name="TotalSecondsHeld">The time held by all parties together, in seconds.</param>
/// <param name="Parties">Every party involved in those complaints, and the owner.</param>
public sealed record ProblemPage(ProblemView Problem, IReadOnlyList<ComplaintView> Complaints, IReadOnlyList<TimeHeld> TimeHeld, long TotalSecondsHeld, IReadOnlyList<PartyRef> Parties);
