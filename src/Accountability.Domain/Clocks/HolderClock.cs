using System.Collections.Immutable;
using Accountability.Domain.Complaints;
using Accountability.Domain.Times;

namespace Accountability.Domain.Clocks;

public enum ClockState
{
    /// <summary>The holder has the next move: its time counts.</summary>
    Running,
    /// <summary>The customer or a third party has the next move: the holder's time stands still.</summary>
    Paused,
    /// <summary>Resolved, closed or cancelled: nothing is owed until a reopening.</summary>
    Stopped,
}

/// <summary>
/// The holder's clock, folded from a complaint's events: the one place that says whose time is counting. Time held,
/// the stalled-holder deadlines, the status page's promise and the scorecards all read it. Waiting on the customer or a
/// third party pauses it (as SLA clocks pause on Zendesk's "pending" and ServiceNow's "on hold"); resolving, closing and
/// cancelling stop it; a new holder or a reopening starts a new hold with the clock at zero.
/// </summary>
/// <param name="HoldStartVersion">The version of the event that began the current hold.</param>
/// <param name="RunInHold">The clock time of the current hold up to <paramref name="Since"/>.</param>
/// <param name="Since">When the clock last started, paused or stopped.</param>
/// <param name="TimeHeldBefore">Each party's clock time up to <paramref name="Since"/>, over every hold.</param>
public sealed record HolderClock(
    string Holder,
    ClockState State,
    long HoldStartVersion,
    DateTimeOffset HoldStart,
    TimeSpan RunInHold,
    DateTimeOffset Since,
    ImmutableDictionary<string, TimeSpan> TimeHeldBefore)
{
    public bool IsRunning => State == ClockState.Running;

    public static HolderClock Start(ComplaintFiled e) =>
        new(e.By, ClockState.Running, 1, e.At, TimeSpan.Zero, e.At, ImmutableDictionary<string, TimeSpan>.Empty);

    /// <summary>Whose move it is in each status decides whether the clock runs.</summary>
    public static ClockState StateIn(ComplaintStatus status) => status switch
    {
        ComplaintStatus.Open or ComplaintStatus.InProgress => ClockState.Running,
        ComplaintStatus.AwaitingInformation or ComplaintStatus.AwaitingThirdParty or ComplaintStatus.ResolutionProposed => ClockState.Paused,
        _ => ClockState.Stopped,
    };

    public HolderClock Evolve(object @event, long version) => @event switch
    {
        ComplaintAssigned e when e.To != Holder => NewHold(e.To, e.At, version),
        ComplaintHandedOff e when e.To != Holder => NewHold(e.To, e.At, version),
        ComplaintTakenOver e when e.To != Holder => NewHold(e.To, e.At, version),
        ComplaintReopened e => NewHold(Holder, e.At, version),
        IComplaintEvent e when Complaint.StatusAfter(e) is { } status && StateIn(status) != State => Charged(e.At) with { State = StateIn(status), Since = e.At },
        _ => this,
    };

    /// <summary>Each party's clock time, the holder's counted up to <paramref name="now"/> while the clock runs.</summary>
    public IReadOnlyDictionary<string, TimeSpan> TimeHeld(DateTimeOffset now) => Charged(now).TimeHeldBefore;

    /// <summary>The current hold's clock time at <paramref name="now"/>.</summary>
    public TimeSpan RunTime(DateTimeOffset now) => Charged(now).RunInHold;

    /// <summary>When the current hold's clock reaches <paramref name="hours"/>, if it keeps running; null while paused or stopped.</summary>
    public DateTimeOffset? DueAt(double hours) => IsRunning ? DueTime.After(Since, hours - RunInHold.TotalHours) : null;

    /// <summary>Whether the current hold's clock stood still for a while before <paramref name="at"/>.</summary>
    public bool PausedBefore(DateTimeOffset at) => at - HoldStart > RunTime(at);

    private HolderClock NewHold(string holder, DateTimeOffset at, long version) => Charged(at) with
    {
        Holder = holder,
        State = ClockState.Running,
        HoldStartVersion = version,
        HoldStart = at,
        RunInHold = TimeSpan.Zero,
        Since = at,
    };

    /// <summary>The running stretch counted up to <paramref name="at"/>; a moment before it began counts nothing.</summary>
    private HolderClock Charged(DateTimeOffset at) => IsRunning && at > Since
        ? this with
        {
            RunInHold = RunInHold + (at - Since),
            TimeHeldBefore = TimeHeldBefore.SetItem(Holder, TimeHeldBefore.GetValueOrDefault(Holder) + (at - Since)),
            Since = at,
        }
        : this;
}
