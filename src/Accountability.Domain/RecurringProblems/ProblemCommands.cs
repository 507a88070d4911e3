using Accountability.Domain.Complaints;

namespace Accountability.Domain.RecurringProblems;

/// <summary>What may be asked of a recurring problem: plain data, decided by <see cref="ProblemDecider"/>.</summary>
public interface IProblemCommand;

public sealed record OpenProblem(Guid ProblemId, string Product, string Category, string Summary) : IProblemCommand;

/// <param name="CurrentProblem">
/// The problem the complaint is linked to now, if any: a complaint belongs to one problem at a time. Sent as a command, the
/// store's answer replaces it (<see cref="ProblemContext.CurrentProblemOfComplaint"/>).
/// </param>
public sealed record LinkComplaint(Guid ComplaintId, Guid? CurrentProblem) : IProblemCommand;

public sealed record UnlinkComplaint(Guid ComplaintId) : IProblemCommand;

public sealed record AssignProblemOwner(string Owner) : IProblemCommand;

public sealed record RecordRootCause(RootCause RootCause, string Explanation) : IProblemCommand;

/// <param name="RootCause">May be left out when a root cause was recorded before; given, it replaces that one.</param>
public sealed record ResolveProblem(RootCause? RootCause, string? Explanation, string Fix) : IProblemCommand;
