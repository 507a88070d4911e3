using Accountability.Domain.Complaints;

namespace Accountability.Domain.Problems;

public sealed record OpenProblem(Guid ProblemId, string Product, string Category, string Summary);

/// <param name="CurrentProblem">The problem the complaint is linked to now, if any: a complaint belongs to one problem at a time.</param>
public sealed record LinkComplaint(Guid ComplaintId, Guid? CurrentProblem);

public sealed record UnlinkComplaint(Guid ComplaintId);

public sealed record AssignProblemOwner(string Owner);

public sealed record RecordRootCause(RootCause RootCause, string Explanation);

/// <param name="RootCause">May be left out when a root cause was recorded before; given, it replaces that one.</param>
public sealed record ResolveProblem(RootCause? RootCause, string? Explanation, string Fix);
