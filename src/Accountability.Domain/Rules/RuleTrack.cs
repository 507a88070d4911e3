using System.Collections.Immutable;
using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

/// <summary>One change of holder: the stream version of the event that made it.</summary>
public sealed record Hop(long Version, string From, string To, DateTimeOffset At);

/// <summary>When a party last received the complaint and last passed it on, counted in holder changes.</summary>
public sealed record Visit(int ArrivedMove, long ArrivedVersion, int? LeftMove = null, long? LeftVersion = null);

/// <summary>
/// What the rules remember of a complaint's history, kept up to date event by event. Every list is capped, so
/// judging the 10,000th event costs what judging the 10th does.
/// </summary>
public sealed record RuleTrack(
    ImmutableList<Hop> BackAndForth,
    ImmutableList<Hop> SinceProgress,
    ImmutableDictionary<string, Visit> Visits,
    int Moves,
    ImmutableList<long> ReopensSinceFlag)
{
    private const int Cap = Policy.MaxCount;

    public static RuleTrack Start(string holder, long version) =>
        new([], [], ImmutableDictionary<string, Visit>.Empty.Add(holder, new Visit(0, version)), 0, []);

    public RuleTrack Evolve(string holder, object e, long version) => e switch
    {
        ComplaintHandedOff h => Moved(h.From, h.To, version, h.At) with
        {
            BackAndForth = Continues(h) ? Capped(BackAndForth.Add(Hop(h, version))) : [Hop(h, version)],
            SinceProgress = Capped(SinceProgress.Add(Hop(h, version))),
        },
        ComplaintAssigned a => Moved(holder, a.To, version, a.At) with { BackAndForth = [] },
        ComplaintAcknowledged or InformationRequested or InformationProvided or ResolutionProposed or ComplaintResolved =>
            this with { SinceProgress = [] },
        ComplaintReopened => this with { ReopensSinceFlag = Capped(ReopensSinceFlag.Add(version)) },
        FlagRaised { Rule: RuleIds.PingPong } => this with { BackAndForth = [] },
        FlagRaised { Rule: RuleIds.Churn } => this with { SinceProgress = [] },
        FlagRaised { Rule: RuleIds.ReopenLoop } => this with { ReopensSinceFlag = [] },
        _ => this,
    };

    private bool Continues(ComplaintHandedOff h) => BackAndForth.Count > 0 && BackAndForth[^1].From == h.To && BackAndForth[^1].To == h.From;

    private RuleTrack Moved(string from, string to, long version, DateTimeOffset at)
    {
        var move = Moves + 1;
        var visits = Visits;
        if (visits.TryGetValue(from, out var left))
            visits = visits.SetItem(from, left with { LeftMove = move, LeftVersion = version });
        return this with { Moves = move, Visits = visits.SetItem(to, new Visit(move, version)) };
    }

    private static Hop Hop(ComplaintHandedOff h, long version) => new(version, h.From, h.To, h.At);

    private static ImmutableList<T> Capped<T>(ImmutableList<T> list) => list.Count > Cap ? list.RemoveAt(0) : list;
}
