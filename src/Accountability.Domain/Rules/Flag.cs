namespace Accountability.Domain.Rules;

/// <summary>A flag as the complaint keeps it: what the rule said, and at which version of the stream.</summary>
public sealed record Flag(string Rule, Severity Severity, IReadOnlyList<long> Evidence, string Sentence, DateTimeOffset At, long Version)
{
    /// <summary>The parties the flag is charged to; null on flags raised before flags named them.</summary>
    public IReadOnlyList<string>? Charged { get; init; }

    /// <summary>The versions of the earlier flags this one grew from and replaces in the complaint's story.</summary>
    public IReadOnlyList<long>? Supersedes { get; init; }
}

public sealed record Escalation(string Rule, string Reason, DateTimeOffset At);
