using Accountability.Domain.Complaints;

namespace Accountability.Domain.RecurringProblems;

/// <summary>What every event of a recurring problem says about when it happened.</summary>
public interface IProblemEvent
{
    DateTimeOffset At { get; }
}

/// <param name="By">The operator's party, or null when the service opened it because complaints passed the policy's threshold.</param>
public sealed record ProblemOpened(Guid ProblemId, string Product, string Category, string Summary, string? By, DateTimeOffset At) : IProblemEvent;

/// <param name="By">Who linked it, or null when the service did.</param>
public sealed record ComplaintLinked(Guid ComplaintId, string? By, DateTimeOffset At) : IProblemEvent;

public sealed record ComplaintUnlinked(Guid ComplaintId, string By, DateTimeOffset At) : IProblemEvent;

/// <summary>The party (the store or a vendor) that answers for fixing the problem.</summary>
public sealed record ProblemOwnerAssigned(string Owner, string By, DateTimeOffset At) : IProblemEvent;

public sealed record RootCauseRecorded(RootCause RootCause, string Explanation, string By, DateTimeOffset At) : IProblemEvent;

/// <summary>The problem is fixed: its fix is proposed to every linked complaint still open.</summary>
public sealed record ProblemResolved(RootCause RootCause, string Explanation, string Fix, string By, DateTimeOffset At) : IProblemEvent;
