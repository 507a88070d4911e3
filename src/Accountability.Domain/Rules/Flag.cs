namespace Accountability.Domain.Rules;

/// <summary>A flag as the complaint keeps it: what the rule said, and at which version of the stream.</summary>
/// <param name="Rule">The rule's id, such as bounce or ping-pong.</param>
/// <param name="Evidence">The complaint's stream versions whose events prove it.</param>
/// <param name="Sentence">What happened, in a plain sentence naming the parties.</param>
/// <param name="At">When the flag was raised.</param>
/// <param name="Version">The complaint's version that raised it.</param>
public sealed record Flag(string Rule, Severity Severity, IReadOnlyList<long> Evidence, string Sentence, DateTimeOffset At, long Version)
{
    /// <summary>The parties the flag is charged to; null on flags raised before flags named them.</summary>
    public IReadOnlyList<string>? Charged { get; init; }

    /// <summary>The versions of the earlier flags this one grew from and replaces in the complaint's story.</summary>
    public IReadOnlyList<long>? Supersedes { get; init; }
}

/// <summary>Why and when the rules made the store accountable for a complaint; absent (null) when they have not.</summary>
/// <param name="Rule">The id of the rule whose flag escalated it.</param>
/// <param name="Reason">That flag's sentence.</param>
/// <param name="At">When it was escalated: the flag's time.</param>
public sealed record Escalation(string Rule, string Reason, DateTimeOffset At);
