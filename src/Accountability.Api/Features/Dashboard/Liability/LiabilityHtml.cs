using System.Text;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.Liability;

/// <summary>A charge on the liability page, with the complaint it was made on.</summary>
public sealed record ChargeRow(Guid ComplaintId, string Product, string CustomerReference, Charge Charge);

/// <summary>Charges and appeals, one row per charge: open appeals first (the longest waiting at the top), then charges still open to appeal (the soonest closing first), then the rest (the newest first).</summary>
public static class LiabilityHtml
{
    public static IReadOnlyList<ChargeRow> Ordered(IEnumerable<ChargeRow> rows, TimeSpan window, DateTimeOffset now) =>
    [
        .. rows.OrderBy(r => Rank(r.Charge, window, now))
            .ThenBy(r => r.Charge.Appeal is { Decision: null } open ? open.At.UtcTicks
                : Rank(r.Charge, window, now) == 1 ? (r.Charge.At + window).UtcTicks : -r.Charge.At.UtcTicks),
    ];

    private static int Rank(Charge charge, TimeSpan window, DateTimeOffset now) => charge switch
    {
        { Appeal: { Decision: null } } => 0,
        { Appeal: null, Reversal: null } when charge.At + window > now => 1,
        _ => 2,
    };

    /// <param name="standings">The vendors' standings, as their streams tell them now.</param>
    /// <param name="standingOn">Whether the policy has vendor standing on.</param>
    public static string Page(IReadOnlyList<ChargeRow> rows, PartyDirectory parties, TimeSpan window, DateTimeOffset now, string signOutSeal,
        IReadOnlyList<Domain.Standing.VendorStanding> standings, bool standingOn)
    {
        var html = new StringBuilder("<p class=\"crumbs\"><a href=\"").Append(DashboardRoutes.Overview).Append("\">").Append(E(Text.Get("BackToOverview"))).Append("</a></p>");
        html.Append("<h1>").Append(E(Text.Get("Liability_Title"))).Append("</h1>");
        if (rows.Count == 0)
        {
            html.Append("<p>").Append(E(Text.Get("Liability_None"))).Append("</p>");
            Standings(html, standings, standingOn, parties);
            return Document(Text.Get("Liability_Title"), html.ToString(), signOutSeal);
        }

        var open = rows.Count(r => r.Charge.Appeal is { Decision: null });
        html.Append("<p class=\"summary\">").Append(E(Text.Format("Liability_Summary", open, (int)window.TotalDays))).Append("</p>");
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(E(Text.Get("Liability_Table"))).Append("\"><table class=\"liability\"><thead><tr>");
        foreach (var heading in new[] { "Liability_Complaint", "Liability_Party", "Liability_Amount", "Liability_ChargedAt", "Liability_Appeal" })
            html.Append("<th scope=\"col\">").Append(E(Text.Get(heading))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            var charge = row.Charge;
            html.Append("<tr").Append(charge.Appeal is { Decision: null } ? " class=\"needs-action\"" : "").Append("><th scope=\"row\"><a href=\"")
                .Append(DashboardRoutes.Complaint(row.ComplaintId)).Append("\">").Append(E(row.Product)).Append("</a><span class=\"reference\">")
                .Append(E(row.CustomerReference)).Append("</span></th><td>").Append(E(parties.NameOf(charge.Party))).Append("</td><td class=\"number\">")
                .Append(E(charge.Amount.ToString()));
            if (charge.Reversal is not null)
                html.Append("<span class=\"reference\">").Append(E(Text.Get("Liability_Reversed"))).Append("</span>");
            html.Append("</td><td>");
            Time(html, charge.At);
            html.Append("</td><td>");
            ChargesHtml.AppealState(html, charge, charge.At + window, now);
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table></div>");
        Standings(html, standings, standingOn, parties);
        return Document(Text.Get("Liability_Title"), html.ToString(), signOutSeal);
    }

    /// <summary>The vendors not in good standing, the worst first, with since when; or that all are, or that standing is off.</summary>
    private static void Standings(StringBuilder html, IReadOnlyList<Domain.Standing.VendorStanding> standings, bool standingOn, PartyDirectory parties)
    {
        Section(html, "standing", Text.Get("Standing_Heading"));
        var notGood = standings.Where(s => s.Level != Domain.Standing.StandingLevel.Good).OrderByDescending(s => s.Level).ThenBy(s => s.Since).ToList();
        if (notGood.Count == 0)
            html.Append("<p>").Append(E(Text.Get(standingOn ? "Standing_AllGood" : "Standing_Off"))).Append("</p>");
        else
        {
            html.Append("<ul class=\"standing\">");
            foreach (var standing in notGood)
            {
                html.Append("<li><strong>").Append(E(parties.NameOf(standing.VendorId))).Append("</strong> ")
                    .Append(E(Text.Get($"Standing_{standing.Level}"))).Append(' ');
                if (standing.Since is { } since)
                    Time(html, since);
                html.Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append("</section>");
    }
}
