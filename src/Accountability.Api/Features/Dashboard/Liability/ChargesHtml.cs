using System.Text;
using Accountability.Domain.Liability;
using Accountability.Domain.Parties;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.Liability;

/// <summary>Charges and their appeals in words: the liability page's rows and the complaint page's section say them the same way.</summary>
public static class ChargesHtml
{
    /// <summary>The complaint page's section: each charge, oldest first, with its reversal and its appeal.</summary>
    public static void Section(StringBuilder html, IReadOnlyList<Charge> charges, PartyDirectory parties)
    {
        DashboardHtml.Section(html, "charges", Text.Format("Charges_Heading", charges.Count));
        if (charges.Count == 0)
        {
            html.Append("<p>").Append(E(Text.Get("Charges_None"))).Append("</p></section>");
            return;
        }
        html.Append("<ul class=\"charges\">");
        foreach (var charge in charges)
        {
            html.Append("<li").Append(charge.Appeal is { Decision: null } ? " class=\"open-appeal\"" : "").Append("><strong>")
                .Append(E(Text.Format("Charges_Charged", parties.NameOf(charge.Party), charge.Amount))).Append("</strong> ");
            Time(html, charge.At);
            if (charge.Reversal is { } reversal)
                html.Append("<br>").Append(E(Text.Format("Charges_Reversed", reversal.Reason))).Append(' ').Append(TimeOf(reversal.At));
            if (charge.Appeal is { } appeal)
            {
                html.Append("<br>").Append(E(Text.Format("Charges_Appealed", appeal.Statement))).Append(' ').Append(TimeOf(appeal.At));
                if (appeal.Decision is { } decision)
                    html.Append("<br>").Append(E(Text.Format($"Charges_Appeal{decision.Outcome}", decision.Reason))).Append(' ').Append(TimeOf(decision.At));
                else
                    html.Append("<br><span class=\"awaiting\">").Append(E(Text.Get("Charges_AppealOpen"))).Append("</span>");
            }
            html.Append("</li>");
        }
        html.Append("</ul></section>");
    }

    /// <summary>Where the charge's appeal stands: open (since when), decided, still possible (and for how long), or no longer.</summary>
    public static void AppealState(StringBuilder html, Charge charge, DateTimeOffset appealCloses, DateTimeOffset now)
    {
        switch (charge.Appeal)
        {
            case { Decision: null } open:
                html.Append(E(Text.Get("Liability_AppealOpen"))).Append(' ').Append(TimeOf(open.At));
                break;
            case { Decision: { } decision }:
                html.Append(E(Text.Get($"Liability_Appeal{decision.Outcome}"))).Append(' ').Append(TimeOf(decision.At));
                break;
            case null when charge.Reversal is not null:
                html.Append(E(Text.Get("Liability_NotAppealable")));
                break;
            case null when appealCloses > now:
                html.Append(E(Text.Format("Liability_AppealWindow", Text.Duration(appealCloses - now)))).Append(' ').Append(TimeOf(appealCloses));
                break;
            default:
                html.Append(E(Text.Get("Liability_AppealWindowClosed"))).Append(' ').Append(TimeOf(appealCloses));
                break;
        }
    }

    private static string TimeOf(DateTimeOffset at)
    {
        var html = new StringBuilder();
        Time(html, at);
        return html.ToString();
    }
}
