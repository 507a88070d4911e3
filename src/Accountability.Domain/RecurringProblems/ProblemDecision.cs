using Accountability.Domain.Decisions;

namespace Accountability.Domain.RecurringProblems;

/// <summary>The outcome of a command on a problem: the events to append, or why nothing may be appended.</summary>
public sealed record ProblemDecision
{
    private ProblemDecision(IReadOnlyList<IProblemEvent> events, Refusal? refusal) => (Events, Refusal) = (events, refusal);

    public IReadOnlyList<IProblemEvent> Events { get; }

    public Refusal? Refusal { get; }

    public static ProblemDecision Emit(params IProblemEvent[] events) => new(events, null);

    public static ProblemDecision Refuse(RefusalCode code, string detail) => new([], new Refusal(code, detail));
}
