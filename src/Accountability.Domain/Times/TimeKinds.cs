namespace Accountability.Domain.Times;

/// <summary>
/// When something happened: a filing, a handoff, an imported update. Nothing the ledger keeps happened before the
/// Unix epoch, and nothing is recorded more than a day ahead of the clock (a day covers every time zone and some skew).
/// </summary>
public static class HappenedTime
{
    public static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    public static readonly TimeSpan Ahead = TimeSpan.FromDays(1);

    public const string Rule = "must be no earlier than 1970-01-01 and no later than one day from now";

    public static bool IsPossible(DateTimeOffset at, DateTimeOffset now) => at >= Earliest && at <= Latest(now);

    public static DateTimeOffset Latest(DateTimeOffset now) => now + Ahead;
}

/// <summary>
/// When something is due: after now, and within a policy's reach. No deadline a policy can set is further than
/// <see cref="MaxReach"/> from the time it starts, so a due time is never far enough out to overflow.
/// </summary>
public static class DueTime
{
    public static readonly TimeSpan MaxReach = TimeSpan.FromDays(365);

    public static readonly double MaxHours = MaxReach.TotalHours;

    public static bool IsReachable(DateTimeOffset at, DateTimeOffset now) => at > now && at <= now + MaxReach;

    /// <summary>The time <paramref name="hours"/> after <paramref name="start"/>, the hours held within the reach.</summary>
    public static DateTimeOffset After(DateTimeOffset start, double hours)
    {
        var span = TimeSpan.FromHours(Math.Clamp(double.IsNaN(hours) ? 0 : hours, 0, MaxHours));
        return start <= DateTimeOffset.MaxValue - span ? start + span : DateTimeOffset.MaxValue;
    }
}

/// <summary>
/// The bounds of a filter (from, to): any time is a fine bound, so a wide one is clamped, never refused. Outside
/// [<see cref="Lowest"/>, <see cref="Highest"/>] nothing happened, and inside it a day or a week can be added safely.
/// </summary>
public static class FilterTime
{
    public static readonly DateTimeOffset Lowest = HappenedTime.Earliest;

    public static readonly DateTimeOffset Highest = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Clamp(DateTimeOffset at) =>
        at < Lowest ? Lowest : at > Highest ? Highest : at;

    public static DateTimeOffset? Clamp(DateTimeOffset? at) => at is { } value ? Clamp(value) : null;
}
