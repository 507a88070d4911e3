using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

/// <summary>Words for the sentences flags carry.</summary>
public static class Wording
{
    public static string Describe(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "under a minute",
        { TotalHours: < 1 } => Plural((int)span.TotalMinutes, "minute"),
        { TotalDays: < 2 } => Plural((int)span.TotalHours, "hour"),
        _ => Plural((int)span.TotalDays, "day"),
    };

    public static string Describe(HandoffReason reason) => reason switch
    {
        HandoffReason.NotOurComponent => "\"not our component\"",
        HandoffReason.WrongParty => "\"the wrong party\"",
        HandoffReason.NeedsVendorFix => "\"needs a vendor fix\"",
        HandoffReason.NeedsStoreAction => "\"needs the store to act\"",
        HandoffReason.Escalation => "\"escalation\"",
        _ => "\"other\"",
    };

    public static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count < 2 ? string.Join("", all) : $"{string.Join(", ", all.Take(all.Count - 1))} and {all[^1]}";
    }

    /// <summary>A moment as people read it, the same in every culture: "2026-03-02 09:00 UTC".</summary>
    public static string Time(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
