using System.Globalization;
using System.Resources;

namespace Accountability.Api.Features.Dashboard;

/// <summary>Every word of the dashboard, from DashboardText.resx (English; add DashboardText.{culture}.resx for another language).</summary>
public static class DashboardText
{
    private static readonly ResourceManager Resources = new(typeof(DashboardText).FullName!, typeof(DashboardText).Assembly);

    public static string Get(string key) => Find(key) ?? throw new KeyNotFoundException($"DashboardText.resx has no '{key}'.");

    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    public static string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentUICulture, Get(key), args);

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString(Get("Date_Format"), CultureInfo.CurrentUICulture);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString(Get("Day_Format"), CultureInfo.CurrentUICulture);

    /// <summary>A duration in the two largest units that matter: "3 d 4 h", "5 h 12 min", "40 min".</summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
            span = TimeSpan.Zero;
        return span.TotalDays >= 1 ? Format("Duration_DaysHours", (int)span.TotalDays, span.Hours)
            : span.TotalHours >= 1 ? Format("Duration_HoursMinutes", (int)span.TotalHours, span.Minutes)
            : Format("Duration_Minutes", (int)span.TotalMinutes);
    }

    /// <summary>A name for an event or a rule, from the resource file when it has one, else the id itself.</summary>
    public static string NameOf(string prefix, string id) => Find($"{prefix}_{id.Replace('-', '_')}") ?? id;
}
