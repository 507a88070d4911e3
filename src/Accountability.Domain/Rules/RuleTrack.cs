using System.Collections.Immutable;
using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

/// <summary>One change of holder: the party that made it (the sender of a handoff, the operator of an assignment), and whether it carried evidence.</summary>
public sealed record Move(long Version, string From, string To, string By, bool WithEvidence, DateTimeOffset At);

/// <summary>A handoff and how long its sender had held the complaint before passing it on.</summary>
public sealed record Pass(Move Move, TimeSpan Held);

/// <summary>A loop flag standing in the current episode: a later loop flag whose evidence contains it supersedes it.</summary>
public sealed record LoopFlag(long Version, IReadOnlyList<long> Evidence);

/// <summary>
/// What the rules remember of a complaint's history, kept up to date event by event. An episode runs from filing or a
/// reopening to the next resolution or closure: the loop rules remember only the current episode's moves, the reopen
/// loop remembers across episodes. Every list is capped, so judging the 10,000th event costs what judging the 10th does.
/// </summary>
public sealed record RuleTrack
{
    private const int Cap = Policy.MaxCount * 2;

    /// <summary>The current episode's changes of holder, oldest first.</summary>
    public ImmutableList<Move> Path { get; init; } = [];

    /// <summary>When the current holder received the complaint (or it was reopened).</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The current episode's handoffs since the last churn flag.</summary>
    public ImmutableList<Pass> Passes { get; init; } = [];

    /// <summary>The current episode's loop flags that no later flag has superseded.</summary>
    public ImmutableList<LoopFlag> LoopFlags { get; init; } = [];

    public ImmutableList<long> ReopensSinceFlag { get; init; } = [];

    public static RuleTrack Start(DateTimeOffset filedAt) => new() { ReceivedAt = filedAt };

    public RuleTrack Evolve(string holder, object e, long version) => e switch
    {
        ComplaintHandedOff h => Passed(new Move(version, h.From, h.To, h.From, h.Evidence.Count > 0, h.At)),
        ComplaintAssigned a when a.To != holder => Moved(new Move(version, holder, a.To, a.By, false, a.At)),
        // The store (or its fallback party) stepping in ends the passing around: the loops start again from the new holder.
        ComplaintTakenOver t => EndEpisode() with { ReceivedAt = t.At },
        ComplaintResolved or ComplaintClosed => EndEpisode(),
        ComplaintReopened r => EndEpisode() with { ReceivedAt = r.At, ReopensSinceFlag = Capped(ReopensSinceFlag.Add(version)) },
        FlagRaised f when RuleIds.Loops.Contains(f.Rule) => this with
        {
            LoopFlags = Capped(LoopFlags.RemoveAll(l => f.Supersedes?.Contains(l.Version) == true).Add(new LoopFlag(version, f.Evidence))),
        },
        FlagWithdrawn w => this with { LoopFlags = LoopFlags.RemoveAll(l => l.Version == w.Flag) },
        FlagRaised { Rule: RuleIds.Churn } => this with { Passes = [] },
        FlagRaised { Rule: RuleIds.ReopenLoop } => this with { ReopensSinceFlag = [] },
        _ => this,
    };

    private RuleTrack Passed(Move move) => Moved(move) with { Passes = Capped(Passes.Add(new Pass(move, move.At - ReceivedAt))) };

    private RuleTrack Moved(Move move) => this with { Path = Capped(Path.Add(move)), ReceivedAt = move.At };

    private RuleTrack EndEpisode() => this with { Path = [], Passes = [], LoopFlags = [] };

    private static ImmutableList<T> Capped<T>(ImmutableList<T> list) => list.Count > Cap ? list.RemoveAt(0) : list;
}
