using System.Collections.Immutable;
using Accountability.Domain.Complaints;

namespace Accountability.Domain.RecurringProblems;

/// <summary>Where a recurring problem stands: Open, or Resolved once its owner recorded a root cause and fix.</summary>
public enum ProblemStatus
{
    Open,
    Resolved,
}

/// <summary>A problem behind several complaints about one product and category, folded from its events. Immutable.</summary>
public sealed record RecurringProblem(
    Guid Id,
    string Product,
    string Category,
    string Summary,
    string? OpenedBy,
    DateTimeOffset OpenedAt,
    ProblemStatus Status,
    ImmutableList<Guid> LinkedComplaints,
    string? Owner,
    RootCause? RootCause,
    string? RootCauseExplanation,
    string? Fix,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset LastChangedAt)
{
    /// <summary>The stream version this state was folded up to.</summary>
    public long Version { get; init; }

    /// <summary>True when the service opened it under the policy rather than an operator.</summary>
    public bool OpenedAutomatically => OpenedBy is null;

    public static RecurringProblem? Evolve(RecurringProblem? state, object @event)
    {
        if (state is null)
            return @event is ProblemOpened opened ? Start(opened) : null;
        var next = @event switch
        {
            ComplaintLinked e => state with { LinkedComplaints = state.LinkedComplaints.Contains(e.ComplaintId) ? state.LinkedComplaints : state.LinkedComplaints.Add(e.ComplaintId) },
            ComplaintUnlinked e => state with { LinkedComplaints = state.LinkedComplaints.Remove(e.ComplaintId) },
            ProblemOwnerAssigned e => state with { Owner = e.Owner },
            RootCauseRecorded e => state with { RootCause = e.RootCause, RootCauseExplanation = e.Explanation },
            ProblemResolved e => state with
            {
                Status = ProblemStatus.Resolved, RootCause = e.RootCause, RootCauseExplanation = e.Explanation, Fix = e.Fix, ResolvedAt = e.At,
            },
            _ => state,
        };
        return next with
        {
            Version = state.Version + 1,
            LastChangedAt = @event is IProblemEvent known ? known.At : state.LastChangedAt,
        };
    }

    private static RecurringProblem Start(ProblemOpened e) => new(
        e.ProblemId, e.Product, e.Category, e.Summary, e.By, e.At, ProblemStatus.Open, [], Owner: null,
        RootCause: null, RootCauseExplanation: null, Fix: null, ResolvedAt: null, e.At) { Version = 1 };
}
