using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

/// <summary>A story the latest move completes: the loop rule it raises and the moves that prove it.</summary>
public sealed record LoopStory(string Rule, IReadOnlyList<Move> Moves);

/// <summary>
/// Reads the current episode's path. A return is a move to a party that held the complaint earlier in the episode.
/// Each return raises at most one loop flag, the most telling: ping-pong, then hub, then bounce or cycle.
/// </summary>
public static class Loops
{
    public static LoopStory? Of(IReadOnlyList<Move> path, Policy policy)
    {
        var last = path.Count - 1;
        if (last < 0 || LastDeparture(path, path[last].To, last) is not (>= 0 and var left))
            return null;
        var between = path.Skip(left).Take(last - left).Select(m => m.To).Distinct().Count();
        var run = RunLength(path);
        var threshold = policy.PingPong.Handoffs;
        if (between == 1 && run >= threshold && (run - threshold) % threshold == 0)
            return new(RuleIds.PingPong, Slice(path, last - run + 1));
        var firstDeparture = path.ToList().FindIndex(m => m.From == path[last].To);
        var sinceFirst = Slice(path, firstDeparture);
        var returns = sinceFirst.Count(m => m.To == path[last].To);
        if (returns >= policy.Hub.Returns && sinceFirst.Where(m => m.From == path[last].To).Select(m => m.To).Distinct().Count() >= 2)
            return new(RuleIds.Hub, Slice(path, firstDeparture));
        if (between == 1 && run == 2)
            return new(RuleIds.Bounce, Slice(path, last - 1));
        return between >= 2 ? new(RuleIds.Cycle, Slice(path, left)) : null;
    }

    /// <summary>
    /// Whom a story is charged to, from its returns (moves back to a party that passed it on earlier in the story):
    /// every party that made one without evidence, or else the last to make one.
    /// </summary>
    public static IReadOnlyList<string> Charged(IReadOnlyList<Move> story)
    {
        var returns = story.Where((m, i) => LastDeparture(story, m.To, i) >= 0).ToList();
        var bare = returns.Where(m => !m.WithEvidence).Select(m => m.By).Distinct().ToList();
        return bare.Count > 0 ? bare : returns.Count > 0 ? [returns[^1].By] : [];
    }

    /// <summary>The standing loop flags of the episode that the story's evidence contains.</summary>
    public static IReadOnlyList<long> Superseded(RuleTrack track, IReadOnlyList<long> evidence) =>
        [.. track.LoopFlags.Where(f => f.Evidence.All(evidence.Contains)).Select(f => f.Version)];

    /// <summary>Whether the event just judged completed a story of the asking rule, and if so what it found.</summary>
    public static Finding? Find(string rule, Complaint after, Policy policy, Func<LoopStory, string> sentence)
    {
        var track = after.Track;
        if (track.Path.LastOrDefault()?.Version != after.Version || Of(track.Path, policy) is not { } story || story.Rule != rule)
            return null;
        var evidence = story.Moves.Select(m => m.Version).ToList();
        return new Finding(evidence, sentence(story)) { Charged = Charged(story.Moves), Supersedes = Superseded(track, evidence) };
    }

    /// <summary>The index of the last move, before <paramref name="before"/>, that took the complaint away from the party; -1 if none.</summary>
    private static int LastDeparture(IReadOnlyList<Move> path, string party, int before)
    {
        for (var k = before - 1; k >= 0; k--)
            if (path[k].From == party)
                return k;
        return -1;
    }

    /// <summary>How many moves at the end of the path go back and forth between the same two parties.</summary>
    private static int RunLength(IReadOnlyList<Move> path)
    {
        var run = 1;
        while (run < path.Count && path[^(run + 1)].From == path[^run].To && path[^(run + 1)].To == path[^run].From)
            run++;
        return run;
    }

    private static List<Move> Slice(IReadOnlyList<Move> path, int from) => [.. path.Skip(from)];
}
