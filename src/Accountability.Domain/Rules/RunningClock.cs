using Accountability.Domain.Clocks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

/// <summary>
/// A deadline the complaint's holder (or a party asked for evidence) runs against, as those who must meet it see it: what is owed, by whom, when it falls
/// due and how much time is left. While the holder's clock is paused the time left stands still and the due time moves on,
/// so a paused clock keeps the time left (<paramref name="LeftWhilePaused"/>) and <paramref name="DueAt"/> is when it
/// would have fallen due had the clock not paused.
/// </summary>
public sealed record RunningClock(DeadlineKind Kind, string Holder, DateTimeOffset DueAt, TimeSpan? LeftWhilePaused)
{
    public bool IsPaused => LeftWhilePaused is not null;

    public TimeSpan LeftAt(DateTimeOffset now) => LeftWhilePaused ?? DueAt - now;

    /// <summary>When it falls due; while paused, when it would if the clock ran again from <paramref name="now"/>.</summary>
    public DateTimeOffset DueFrom(DateTimeOffset now) => LeftWhilePaused is { } left ? now + left : DueAt;

    public bool IsOverdueAt(DateTimeOffset now) => !IsPaused && DueAt <= now;

    /// <summary>
    /// The deadlines of the current hold the holder still owes (<see cref="StalledHolderRule.StillOwed"/>): the ones the
    /// scheduler's clocks hold (<see cref="DeadlineClocks.Started"/>) while the clock runs; while it is paused, the resolution
    /// (a first response is owed only while the complaint is open) with the time left; none once stopped. Then one per open
    /// evidence request, owed by the asked party: it runs whatever the holder's clock does, as a card dispute's evidence deadline does.
    /// Soonest due first.
    /// </summary>
    public static IReadOnlyList<RunningClock> Of(Complaint complaint, Policy policy, PartyDirectory parties) =>
        [.. OfHolder(complaint, policy, parties).Concat(EvidenceDeadlines.DeadlinesOf(complaint).Select(d => new RunningClock(d.Kind, d.Holder, d.DueAt, null)))
            .OrderBy(c => c.DueAt)];

    private static IReadOnlyList<RunningClock> OfHolder(Complaint complaint, Policy policy, PartyDirectory parties)
    {
        var clock = complaint.Clock;
        if (clock.State == ClockState.Running)
            return [.. StalledHolderRule.DeadlinesOf(complaint, policy, parties).Where(d => StalledHolderRule.StillOwed(complaint, d))
                .Select(d => new RunningClock(d.Kind, d.Holder, d.DueAt, null))];
        if (clock.State == ClockState.Paused && policy.DeadlinesFor(complaint.Severity, parties.Find(complaint.Holder)?.Kind) is { } row)
        {
            var left = TimeSpan.FromHours(row.ResolutionHours) - clock.RunInHold;
            return [new RunningClock(DeadlineKind.Resolution, complaint.Holder, clock.Since + left, left)];
        }
        return [];
    }
}
