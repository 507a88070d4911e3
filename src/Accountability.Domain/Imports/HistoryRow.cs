using Accountability.Domain.Rules;

namespace Accountability.Domain.Imports;

/// <summary>One update of a case in another system's event log, already parsed: who held it after the update, and its status.</summary>
/// <param name="Line">The line in the source file, for reports.</param>
/// <param name="PersonIsSender">Whether Person handed the case off on this row (else it is the one who received it).</param>
/// <param name="Party">The party id holding the case after this update; null when the log does not say.</param>
public sealed record HistoryRow(
    int Line,
    string CaseId,
    DateTimeOffset At,
    string? Party,
    string? Status,
    string? Person,
    string? Product,
    string? Category,
    Severity? Severity,
    bool PersonIsSender = false)
{
    /// <summary>What is at stake, when the mapping names the claim's columns and the row fills them.</summary>
    public Liability.Money? Claim { get; init; }
}
