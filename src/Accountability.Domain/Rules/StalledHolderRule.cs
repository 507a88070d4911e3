using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Times;

namespace Accountability.Domain.Rules;

/// <summary>
/// What a deadline is for: FirstResponse (the holder acknowledging the complaint), Resolution (the holder putting it right)
/// or Evidence (a party answering the operator's request for evidence).
/// </summary>
public enum DeadlineKind
{
    FirstResponse,
    Resolution,
    Evidence,
}

/// <summary>
/// When the current holder must have acknowledged (first response) or resolved the complaint; for an evidence request, when
/// the asked party (<paramref name="Holder"/>) must have answered the request asked at stream version <paramref name="HoldStartVersion"/>.
/// </summary>
public sealed record Deadline(DeadlineKind Kind, string Holder, long HoldStartVersion, DateTimeOffset DueAt);

/// <summary>
/// The holder sat on the complaint past its deadline. Time, not an event, triggers it: the service schedules the
/// deadlines of each hold and judges them when they fall due, whether or not anyone touched the complaint.
/// </summary>
public sealed class StalledHolderRule : IRule
{
    public string Id => RuleIds.StalledHolder;

    public IRuleSettings SettingsIn(Policy policy) => policy.StalledHolder;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) => null;

    /// <summary>
    /// The deadlines of the current hold, when the holder's clock (<see cref="Clocks.HolderClock"/>) would reach them if it
    /// kept running; none while it is paused (waiting on the customer or a third party) or stopped (resolved, closed, cancelled).
    /// </summary>
    public static IReadOnlyList<Deadline> DeadlinesOf(Complaint complaint, Policy policy, PartyDirectory parties)
    {
        var row = policy.DeadlinesFor(complaint.Severity, parties.Find(complaint.Holder)?.Kind);
        var clock = complaint.Clock;
        if (row is null || clock.DueAt(row.FirstResponseHours) is not { } firstResponse || clock.DueAt(row.ResolutionHours) is not { } resolution)
            return [];
        return
        [
            new Deadline(DeadlineKind.FirstResponse, complaint.Holder, complaint.HoldStartVersion, firstResponse),
            new Deadline(DeadlineKind.Resolution, complaint.Holder, complaint.HoldStartVersion, resolution),
        ];
    }

    /// <summary>
    /// The deadline as the complaint stands now: a pause since it was scheduled moves it later, a paused or stopped clock
    /// or another hold removes it.
    /// </summary>
    public static Deadline? Current(Complaint complaint, Deadline scheduled, Policy policy, PartyDirectory parties) =>
        DeadlinesOf(complaint, policy, parties).FirstOrDefault(d =>
            d.Kind == scheduled.Kind && d.Holder == scheduled.Holder && d.HoldStartVersion == scheduled.HoldStartVersion);

    /// <summary>Whether the holder the deadline binds still holds the complaint, its clock is running, and it has not yet done what it has to.</summary>
    public static bool StillOwed(Complaint complaint, Deadline deadline) =>
        complaint.HoldStartVersion == deadline.HoldStartVersion && complaint.Holder == deadline.Holder && complaint.Clock.IsRunning
        && (deadline.Kind != DeadlineKind.FirstResponse || complaint.Status == ComplaintStatus.Open);

    /// <summary>Whether the deadline, now due, was missed: the same hold is still on and the holder has not done what it had to.</summary>
    public static Finding? JudgeDeadline(Complaint complaint, Deadline deadline, PartyDirectory parties, DateTimeOffset now)
    {
        if (now < deadline.DueAt || !StillOwed(complaint, deadline))
            return null;
        var what = deadline.Kind == DeadlineKind.FirstResponse ? "acknowledged" : "resolved";
        var waited = complaint.Clock.PausedBefore(deadline.DueAt) ? ", not counting time spent waiting" : "";
        return new Finding([deadline.HoldStartVersion],
            $"{parties.NameOf(deadline.Holder)} has not {what} the complaint within {Wording.Describe(complaint.Clock.RunTime(deadline.DueAt))} of receiving it{waited}.");
    }
}
