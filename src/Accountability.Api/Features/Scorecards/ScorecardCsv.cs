using System.Globalization;
using System.Text;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Scorecards;

/// <summary>The scorecards as CSV (RFC 4180): one row per party or product, the JSON's nested figures as columns of their own.</summary>
public static class ScorecardCsv
{
    public const string MediaType = "text/csv";

    /// <summary>With its charset: without one, clients guess (often Latin-1) and garble names in other scripts.</summary>
    public const string ContentType = MediaType + "; charset=utf-8";

    public static string Write(PartyScorecards cards)
    {
        var liable = cards.Parties.SelectMany(p => p.ResolutionsByLiableParty.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var currencies = cards.Parties.SelectMany(p => p.AmountCharged.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        string[] header =
        [
            "party", "complaintsReceived", "heldNow", "heldNowSeconds", "acknowledged", "medianSecondsToAcknowledge", "p90SecondsToAcknowledge",
            "resolutions", "medianSecondsToResolve", "p90SecondsToResolve", "timeHeldSeconds", "handoffsOut", "bouncedBack", "bounceBackRate",
            "customerDeflections", .. RuleIds.All.Select(r => $"flags:{r}"), "deadlineBreaches", "reopenedResolutions", "reopenRate",
            "ratings", "averageRating", .. Enum.GetNames<RootCause>().Select(c => $"rootCause:{c}"), .. liable.Select(l => $"liable:{l}"),
            "foundLiable", .. currencies.Select(c => $"charged:{c}"), "appealsWon", "appealsLost",
        ];
        return Table(header, cards.Parties.Select(p => (IEnumerable<object?>)
        [
            p.Party, p.ComplaintsReceived, p.HeldNow, p.HeldNowSeconds, p.TimeToAcknowledge.Count, p.TimeToAcknowledge.MedianSeconds, p.TimeToAcknowledge.P90Seconds,
            p.TimeToResolve.Count, p.TimeToResolve.MedianSeconds, p.TimeToResolve.P90Seconds, p.TimeHeldSeconds, p.HandoffsOut, p.BouncedBack,
            p.BounceBackRate, p.CustomerDeflections, .. RuleIds.All.Select(r => (object?)p.FlagsByRule[r]), p.DeadlineBreaches,
            p.ReopenedResolutions, p.ReopenRate, p.Rating.Count, p.Rating.Average,
            .. Enum.GetNames<RootCause>().Select(c => (object?)p.ResolutionsByRootCause[c]),
            .. liable.Select(l => (object?)p.ResolutionsByLiableParty.GetValueOrDefault(l)),
            p.FoundLiable, .. currencies.Select(c => (object?)p.AmountCharged.GetValueOrDefault(c)), p.AppealsWon, p.AppealsLost,
        ]));
    }

    public static string Write(ProductScorecards cards)
    {
        var categories = cards.Products.SelectMany(p => p.Categories.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        string[] header =
        [
            "product", "complaints", .. categories.Select(c => $"category:{c}"), "resolutions", "reopenedResolutions", "reopenRate",
            .. RuleIds.All.Select(r => $"flags:{r}"), "foundLiable", "appealsWon", "appealsLost",
        ];
        return Table(header, cards.Products.Select(p => (IEnumerable<object?>)
        [
            p.Product, p.Complaints, .. categories.Select(c => (object?)p.Categories.GetValueOrDefault(c)), p.Resolutions,
            p.ReopenedResolutions, p.ReopenRate, .. RuleIds.All.Select(r => (object?)p.FlagsByRule[r]), p.FoundLiable, p.AppealsWon, p.AppealsLost,
        ]));
    }

    /// <summary>The header and rows as RFC 4180 text; statements write theirs the same way.</summary>
    internal static string Table(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        var csv = new StringBuilder().Append(string.Join(',', header.Select(Field))).Append("\r\n");
        foreach (var row in rows)
            csv.Append(string.Join(',', row.Select(v => Field(v switch
            {
                null => "",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            })))).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>Quotes a field that needs it, and defuses one a spreadsheet would run as a formula.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !double.TryParse(value, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
