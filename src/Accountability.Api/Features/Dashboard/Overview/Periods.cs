namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>Groups daily figures into days, weeks (from Monday) or months, whichever shows the whole span in a readable number of columns.</summary>
public static class Periods
{
    public static (PeriodLength Length, IReadOnlyList<Period> Periods) Group(IReadOnlyList<Period> days)
    {
        if (days.Count == 0)
            return (PeriodLength.Week, []);
        var span = days[^1].Start - days[0].Start;
        var length = span <= TimeSpan.FromDays(OverviewReader.PeriodsShown) ? PeriodLength.Day
            : span <= TimeSpan.FromDays(7 * OverviewReader.PeriodsShown) ? PeriodLength.Week
            : PeriodLength.Month;
        var grouped = days.GroupBy(d => StartOf(d.Start, length))
            .ToDictionary(g => g.Key, g => (Complaints: g.Sum(d => d.Complaints), Flags: g.Sum(d => d.Flags)));
        var periods = new List<Period>();
        for (var start = StartOf(days[0].Start, length); start <= days[^1].Start; start = Next(start, length))
        {
            var (complaints, flags) = grouped.GetValueOrDefault(start);
            periods.Add(new Period(start, complaints, flags));
        }
        return (length, periods.TakeLast(OverviewReader.PeriodsShown).ToList());
    }

    private static DateTimeOffset StartOf(DateTimeOffset day, PeriodLength length) => length switch
    {
        PeriodLength.Day => day,
        PeriodLength.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        _ => new DateTimeOffset(day.Year, day.Month, 1, 0, 0, 0, TimeSpan.Zero),
    };

    private static DateTimeOffset Next(DateTimeOffset start, PeriodLength length) => length switch
    {
        PeriodLength.Day => start.AddDays(1),
        PeriodLength.Week => start.AddDays(7),
        _ => start.AddMonths(1),
    };
}
