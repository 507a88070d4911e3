using System.Globalization;
using System.Text.RegularExpressions;

namespace Accountability.Api.Features.Imports;

/// <summary>Reading a log's times with the mapping's format, or as ISO 8601 when it gives none.</summary>
public static partial class ImportTimes
{
    public const string IsoName = "ISO 8601 (e.g. 2026-01-31T13:45:30+01:00)";

    private const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    private static readonly DateTimeOffset Sample = new(2026, 1, 31, 13, 45, 30, TimeSpan.Zero);

    /// <summary>A format is usable when a time written with it reads back: some formats (%, \, ') throw, others never parse.</summary>
    public static bool IsUsableFormat(string format)
    {
        try
        {
            return TryParse(Sample.ToString(format, CultureInfo.InvariantCulture), format, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public static string NameOf(string? format) => format ?? IsoName;

    public static bool TryParse(string? text, string? format, out DateTimeOffset at)
    {
        at = default;
        if (text is null)
            return false;
        if (format is null)
            // Jira writes offsets without a colon (+0000), which .NET's K does not read.
            return DateTimeOffset.TryParseExact(OffsetWithoutColon().Replace(text.Trim(), "$1:$2"), IsoFormats, CultureInfo.InvariantCulture, Styles, out at);
        try
        {
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, Styles, out at))
                return true;
            // A time whose offset takes it past year 1 or 9999 is still a time: the caller refuses it as impossible.
            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var unplaceable))
                return false;
            at = unplaceable.Year < 5000 ? DateTimeOffset.MinValue : DateTimeOffset.MaxValue;
            return true;
        }
        catch (Exception unreadable) when (unreadable is FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$")]
    private static partial Regex OffsetWithoutColon();
}
