using System.Globalization;
using System.Text;
using Accountability.Api.Features.Scorecards;
using Accountability.Domain.Parties;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>
/// The parties' scorecards as a table sorted on the server: each column heading is a link that sorts by it (again to
/// reverse), so sorting needs no script; aria-sort tells screen readers the order.
/// </summary>
public static class ScorecardTable
{
    private sealed record Column(string Key, Func<PartyScorecard, IComparable?> Value, Func<PartyScorecard, string> Shown, bool Descending = true);

    private static readonly Column[] Columns =
    [
        new("party", c => c.Party, c => c.Party, Descending: false),
        new("received", c => c.ComplaintsReceived, c => Number(c.ComplaintsReceived)),
        new("held-now", c => c.HeldNow, c => Number(c.HeldNow)),
        new("acknowledge", c => c.TimeToAcknowledge.MedianSeconds, c => Seconds(c.TimeToAcknowledge.MedianSeconds)),
        new("resolve", c => c.TimeToResolve.MedianSeconds, c => Seconds(c.TimeToResolve.MedianSeconds)),
        new("time-held", c => c.TimeHeldSeconds + c.HeldNowSeconds, c => Seconds(c.TimeHeldSeconds + c.HeldNowSeconds)),
        new("handoffs", c => c.HandoffsOut, c => Number(c.HandoffsOut)),
        new("bounce-back", c => c.BounceBackRate, c => Percent(c.BounceBackRate)),
        new("deflections", c => c.CustomerDeflections, c => Number(c.CustomerDeflections)),
        new("flags", c => c.FlagsByRule.Values.Sum(), c => Number(c.FlagsByRule.Values.Sum())),
        new("breaches", c => c.DeadlineBreaches, c => Number(c.DeadlineBreaches)),
        new("reopen", c => c.ReopenRate, c => Percent(c.ReopenRate)),
        new("rating", c => c.Rating.Average, c => c.Rating.Average is { } average ? average.ToString("0.0", CultureInfo.CurrentUICulture) : "–"),
    ];

    public const string DefaultSort = "time-held";

    /// <param name="sort">A column's key from the address; time held when absent or unknown.</param>
    /// <param name="order">asc or desc; the column's natural order (names A to Z, figures largest first) otherwise.</param>
    public static string Section(PartyScorecards cards, PartyDirectory parties, string? sort, string? order)
    {
        var column = Columns.FirstOrDefault(c => c.Key == sort) ?? Columns.First(c => c.Key == DefaultSort);
        var ascending = order switch { "asc" => true, "desc" => false, _ => !column.Descending };
        var active = cards.Parties.Where(c => c.ComplaintsReceived > 0 || c.HeldNow > 0 || c.HandoffsOut > 0).ToList();
        var named = active.Select(c => c with { Party = parties.NameOf(c.Party) });
        var sorted = (ascending ? named.OrderBy(column.Value) : named.OrderByDescending(column.Value)).ThenBy(c => c.Party, StringComparer.Ordinal).ToList();

        var html = new StringBuilder();
        DashboardHtml.Section(html, "scorecards", Text.Get("Scorecards_Heading"));
        html.Append("<p class=\"hint\">").Append(E(Text.Format("Scorecards_Hint", sorted.Count))).Append("</p>");
        if (sorted.Count == 0)
            return html.Append("</section>").ToString();
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(E(Text.Get("Scorecards_Table"))).Append("\"><table class=\"scorecards\"><thead><tr>");
        foreach (var c in Columns)
        {
            var current = c == column;
            var nextAscending = current ? !ascending : !c.Descending;
            html.Append("<th scope=\"col\"").Append(current ? $" aria-sort=\"{(ascending ? "ascending" : "descending")}\"" : "").Append("><a href=\"")
                .Append(DashboardRoutes.Overview).Append("?sort=").Append(c.Key).Append("&amp;order=").Append(nextAscending ? "asc" : "desc").Append("#scorecards\">")
                .Append(E(Text.Get($"Scorecards_{c.Key}"))).Append(current ? (ascending ? "<span aria-hidden=\"true\"> ▲</span>" : "<span aria-hidden=\"true\"> ▼</span>") : "").Append("</a></th>");
        }
        html.Append("</tr></thead><tbody>");
        foreach (var card in sorted)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(card.Party)).Append("</th>");
            foreach (var c in Columns.Skip(1))
                html.Append("<td>").Append(E(c.Shown(card))).Append("</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table></div></section>").ToString();
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.CurrentUICulture);

    private static string Seconds(double? seconds) => seconds is { } s ? Text.Duration(TimeSpan.FromSeconds(s)) : "–";

    private static string Percent(double? rate) => rate is { } r ? r.ToString("P0", CultureInfo.CurrentUICulture) : "–";
}
