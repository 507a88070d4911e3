using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;

namespace Accountability.Domain.Rules;

public enum DeadlineState
{
    /// <summary>Waiting: its warning (if it still has one) and its deadline are ahead.</summary>
    Pending,
    /// <summary>The holder was warned; the deadline is ahead.</summary>
    Warned,
    /// <summary>The deadline fell due and was judged.</summary>
    Fired,
    /// <summary>It fell due when the holder no longer owed it: another hold, a paused or stopped clock, or the first response given.</summary>
    Cancelled,
}

/// <summary>One clock of a complaint: its deadline, when the warning before it goes out (null: none is owed), and how far it has gone.</summary>
public sealed record DeadlineClock(Deadline Deadline, DateTimeOffset? WarnAt, DeadlineState State)
{
    /// <summary>When the clock next needs the scheduler: its warning, then its deadline; never once fired or cancelled.</summary>
    public DateTimeOffset? NextAt => State switch
    {
        DeadlineState.Pending when WarnAt is { } warnAt => warnAt,
        DeadlineState.Pending or DeadlineState.Warned => Deadline.DueAt,
        _ => null,
    };

    /// <summary>Its warning and its deadline, those due at <paramref name="now"/> and not gone off yet.</summary>
    public IEnumerable<Alarm> DueAt(DateTimeOffset now)
    {
        if (State == DeadlineState.Pending && WarnAt is { } warnAt && warnAt <= now)
            yield return new Alarm(Deadline, warnAt, IsWarning: true);
        if (State is DeadlineState.Pending or DeadlineState.Warned && Deadline.DueAt <= now)
            yield return new Alarm(Deadline, Deadline.DueAt, IsWarning: false);
    }
}

/// <summary>A clock's warning or its deadline, fallen due at <paramref name="At"/>.</summary>
public sealed record Alarm(Deadline Deadline, DateTimeOffset At, bool IsWarning)
{
    public DeadlineKind Kind => Deadline.Kind;
}

/// <summary>
/// Every clock a complaint runs against (the holder's first response and resolution, one per kind, and one per open
/// evidence request), each with
/// its deadline, its warning and its state: the one deadline record the scheduler reads, keyed by its earliest alarm.
/// </summary>
public sealed record DeadlineClocks(IReadOnlyList<DeadlineClock> Clocks)
{
    /// <summary>How far into a holder's time the "deadline approaching" warning goes out.</summary>
    public const double WarningAt = 0.8;

    /// <summary>When the scheduler must next look at this complaint; null when no clock waits.</summary>
    public DateTimeOffset? NextDueAt => Clocks.Select(c => c.NextAt).Where(at => at is not null).Min();

    /// <summary>
    /// The clocks a write starts (a new hold, or the end of a wait), those due after <paramref name="notBefore"/>; they
    /// replace the holder's ones before (the evidence clocks stay). Null when the write starts none: the clocks before stay, and one left behind by a pause is
    /// judged, when it falls due, as the complaint stands then, and so flags nothing.
    /// </summary>
    public static DeadlineClocks? Started(Complaint? before, Complaint after, Policy policy, PartyDirectory parties, DateTimeOffset? notBefore = null)
    {
        if (before?.HoldStartVersion == after.HoldStartVersion && before.Clock.IsRunning == after.Clock.IsRunning)
            return null;
        var clock = after.Clock;
        var clocks = new List<DeadlineClock>();
        foreach (var d in StalledHolderRule.DeadlinesOf(after, policy, parties).Where(d => notBefore is null || d.DueAt > notBefore))
        {
            // The warning goes out when the clock has run that share of the holder's time; a resumed clock past it warned already.
            var warnAt = clock.Since + (clock.RunTime(d.DueAt) * WarningAt - clock.RunInHold);
            var warns = warnAt >= clock.Since && (notBefore is null || warnAt > notBefore);
            clocks.Add(new DeadlineClock(d, warns ? warnAt : null, DeadlineState.Pending));
        }
        return clocks.Count == 0 ? null : new DeadlineClocks(clocks);
    }

    /// <summary>The deadlines not yet judged.</summary>
    public IReadOnlyList<Deadline> Owed => [.. Clocks.Where(c => c.State is DeadlineState.Pending or DeadlineState.Warned).Select(c => c.Deadline)];

    /// <summary>The warnings and deadlines due at <paramref name="now"/>, earliest first.</summary>
    public IReadOnlyList<Alarm> DueAt(DateTimeOffset now) => [.. Clocks.SelectMany(c => c.DueAt(now)).OrderBy(a => a.At)];

    /// <summary>
    /// The clock after its alarm went off, judged against the complaint as it stood (null: gone): a warning sent or a
    /// deadline judged while the holder still owes it; cancelled when it does not; a deadline that a policy change moved
    /// later waits for its new time.
    /// </summary>
    public static DeadlineClock Fire(DeadlineClock clock, Alarm alarm, Complaint? complaint, Policy policy, PartyDirectory parties, DateTimeOffset now)
    {
        // An evidence deadline is judged against the complaint as it stood when it fell due: fired while its request was open.
        if (alarm.Kind == DeadlineKind.Evidence)
            return clock with
            {
                State = complaint is not null && EvidenceDeadlines.OpenRequestOf(complaint, alarm.Deadline) is not null
                    ? DeadlineState.Fired : DeadlineState.Cancelled,
            };
        if (complaint is null || StalledHolderRule.Current(complaint, alarm.Deadline, policy, parties) is not { } current
            || !StalledHolderRule.StillOwed(complaint, current))
            return clock with { State = DeadlineState.Cancelled };
        if (alarm.IsWarning)
            return clock with { Deadline = current, State = DeadlineState.Warned };
        return current.DueAt > now ? clock with { Deadline = current } : clock with { Deadline = current, State = DeadlineState.Fired };
    }

    /// <summary>These clocks with <paramref name="clock"/> in place of the one for the same deadline.</summary>
    public DeadlineClocks With(DeadlineClock clock) =>
        new([.. Clocks.Select(c => SameDeadline(c.Deadline, clock.Deadline) ? clock : c)]);

    /// <summary>The clock of this deadline: of its kind, for its party and hold (an evidence request: the version that asked it).</summary>
    public DeadlineClock Of(Deadline deadline) => Clocks.Single(c => SameDeadline(c.Deadline, deadline));

    /// <summary>The holder's clock of this kind (a first response or the resolution).</summary>
    public DeadlineClock Of(DeadlineKind kind) => Clocks.Single(c => c.Deadline.Kind == kind);

    /// <summary>The clocks of the complaint's open evidence requests, no warning before them: each replaces those of the requests before.</summary>
    public static DeadlineClocks OfEvidence(Complaint complaint) =>
        new([.. EvidenceDeadlines.DeadlinesOf(complaint).Select(d => new DeadlineClock(d, WarnAt: null, DeadlineState.Pending))]);

    /// <summary>Whether a write asked for evidence or answered a request: those writes replace the evidence clocks.</summary>
    public static bool EvidenceChanged(IEnumerable<IComplaintEvent> written) => written.Any(e => e is EvidenceRequested or EvidenceSubmitted);

    private static bool SameDeadline(Deadline a, Deadline b) => a.Kind == b.Kind && a.Holder == b.Holder && a.HoldStartVersion == b.HoldStartVersion;
}
