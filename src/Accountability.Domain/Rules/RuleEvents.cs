using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

/// <summary>
/// A rule saw buck-passing. <paramref name="Evidence"/> lists the stream versions of the events that prove it, in order;
/// <paramref name="Charged"/> the parties it is charged to (null on flags raised before flags named them);
/// <paramref name="Supersedes"/> the versions of earlier flags of the same story that this one replaces.
/// </summary>
public sealed record FlagRaised(
    string Rule,
    Severity Severity,
    IReadOnlyList<long> Evidence,
    string Sentence,
    int PolicyVersion,
    DateTimeOffset At,
    IReadOnlyList<string>? Charged = null,
    IReadOnlyList<long>? Supersedes = null) : IComplaintEvent
{
    string IComplaintEvent.By => RuleEngine.Actor;
}

/// <summary>
/// A re-judging found that the rules as they now stand would not have raised the flag recorded at stream version
/// <paramref name="Flag"/>: it no longer counts. The flag's own event stays in the stream.
/// </summary>
public sealed record FlagWithdrawn(string Rule, long Flag, string Reason, int PolicyVersion, DateTimeOffset At) : IComplaintEvent
{
    string IComplaintEvent.By => RuleEngine.Actor;
}

/// <summary>The marketplace took over accountability for the complaint because of a flag.</summary>
public sealed record ComplaintEscalated(string Rule, string Reason, DateTimeOffset At) : IComplaintEvent
{
    string IComplaintEvent.By => RuleEngine.Actor;
}
