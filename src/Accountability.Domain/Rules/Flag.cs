namespace Accountability.Domain.Rules;

/// <summary>A flag as the complaint keeps it: what the rule said, and at which version of the stream.</summary>
public sealed record Flag(string Rule, Severity Severity, IReadOnlyList<long> Evidence, string Sentence, DateTimeOffset At, long Version);

public sealed record Escalation(string Rule, string Reason, DateTimeOffset At);
