namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// A period split into the whole UTC days inside it, which the per-day sums answer, and the parts of a day at either
/// end, which the facts themselves answer.
/// </summary>
public sealed record ScorecardPeriod(DateOnly? FirstWholeDay, DateOnly? EndOfWholeDays, bool HasWholeDays, IReadOnlyList<(DateTimeOffset From, DateTimeOffset To)> Edges)
{
    public static ScorecardPeriod Of(DateTimeOffset? from, DateTimeOffset? to)
    {
        DateOnly? first = from is { } f ? (IsMidnight(f) ? Day(f) : Day(f).AddDays(1)) : null;
        DateOnly? end = to is { } t ? Day(t) : null;
        if (first is { } a && end is { } b && a >= b)
            return new ScorecardPeriod(null, null, false, [(from!.Value, to!.Value)]);
        var edges = new List<(DateTimeOffset, DateTimeOffset)>();
        if (from is { } start && !IsMidnight(start))
            edges.Add((start, Midnight(first!.Value)));
        if (to is { } stop && !IsMidnight(stop))
            edges.Add((Midnight(end!.Value), stop));
        return new ScorecardPeriod(first, end, true, edges);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static bool IsMidnight(DateTimeOffset at) => at.UtcDateTime.TimeOfDay == TimeSpan.Zero;

    private static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
