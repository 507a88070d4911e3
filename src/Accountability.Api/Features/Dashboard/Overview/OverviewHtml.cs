using System.Globalization;
using System.Text;
using Accountability.Api.Features.Dashboard.Charts;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.Overview;

public static class OverviewHtml
{
    /// <param name="problems">The open problems' section, already rendered, shown after the flagged complaints.</param>
    /// <param name="scorecards">The scorecards' section, already rendered, shown after the charts.</param>
    public static string Page(OverviewFigures figures, string signOutSeal, string problems, string scorecards = "")
    {
        var html = new StringBuilder("<h1>").Append(E(Text.Format("Overview_Title", figures.TenantName))).Append("</h1>");
        html.Append("<p class=\"summary\">").Append(E(Text.Format("Overview_Summary", figures.Complaints, figures.OpenComplaints, figures.FlaggedComplaints, figures.FlaggedOpen))).Append("</p>");
        html.Append("<p><a href=\"").Append(DashboardRoutes.Due).Append("\">").Append(E(Text.Get("Due_Link"))).Append("</a></p>");
        html.Append("<p><a href=\"").Append(DashboardRoutes.Liability).Append("\">").Append(E(Text.Get("Liability_Link"))).Append("</a></p>");
        Flagged(html, figures);
        html.Append(problems);
        Charts(html, figures);
        html.Append(scorecards);
        return Document(Text.Format("Overview_Title", figures.TenantName), html.ToString(), signOutSeal);
    }

    private static void Flagged(StringBuilder html, OverviewFigures figures)
    {
        Section(html, "flagged", Text.Get("Flagged_Heading"));
        if (figures.Flagged.Count == 0)
        {
            html.Append("<p>").Append(E(Text.Get("Flagged_None"))).Append("</p></section>");
            return;
        }
        html.Append("<p class=\"hint\">").Append(E(figures.FlaggedOpen == 0 ? Text.Get("Flagged_NoneOpen") : Text.Format("Flagged_Shown", figures.Flagged.Count))).Append("</p>");
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(E(Text.Get("Flagged_Table"))).Append("\"><table class=\"flagged\"><thead><tr>");
        foreach (var heading in new[] { "Flagged_Complaint", "Flagged_Flags", "Flagged_Holder", "Flagged_Held", "Flagged_Status" })
            html.Append("<th scope=\"col\">").Append(E(Text.Get(heading))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var c in figures.Flagged)
        {
            html.Append("<tr").Append(c.Open ? " class=\"needs-action\"" : "").Append("><th scope=\"row\"><a href=\"").Append(DashboardRoutes.Complaint(c.Id)).Append("\">")
                .Append(E(c.Product)).Append("</a><span class=\"reference\">").Append(E(c.CustomerReference)).Append("</span></th><td>");
            html.Append(E(string.Join(", ", c.Rules.Select(r => Text.NameOf("Rule", r)))));
            html.Append("<span class=\"severity severity-").Append(c.HighestSeverity.ToString().ToLowerInvariant()).Append("\">")
                .Append(E(Text.Get($"Severity_{c.HighestSeverity}"))).Append("</span></td><td>").Append(E(c.HolderName));
            if (c.Escalated)
                html.Append("<span class=\"escalated-mark\">").Append(E(Text.Get("Flagged_Escalated"))).Append("</span>");
            html.Append("</td><td>").Append(E(Text.Duration(c.Held))).Append("</td><td>").Append(E(Text.Get($"Status_{c.Status}"))).Append("</td></tr>");
        }
        html.Append("</tbody></table></div></section>");
    }

    private static void Charts(StringBuilder html, OverviewFigures figures)
    {
        Section(html, "charts", Text.Get("Charts_Heading"));
        html.Append("<p class=\"hint\">").Append(E(Text.Format("Charts_AsOf", Text.Date(figures.FiguresAsOf), (int)OverviewReader.ChartsKeptFor.TotalSeconds))).Append("</p>");
        html.Append("<div class=\"charts\">");
        if (figures.Periods.Count > 0)
        {
            var labels = figures.Periods.Select(p => Text.Day(p.Start)).ToList();
            var busiest = figures.Periods.MaxBy(p => p.Flags)!;
            var description = Text.Format($"Chart_OverTime_Description_{figures.PeriodLength}", Text.Day(figures.Periods[0].Start), Text.Day(figures.Periods[^1].Start),
                figures.Periods.Sum(p => p.Complaints), figures.Periods.Sum(p => p.Flags), busiest.Flags, Text.Day(busiest.Start));
            html.Append(SvgCharts.Columns("over-time", Text.Get($"Chart_OverTime_{figures.PeriodLength}"), description, labels,
                [new Series(Text.Get("Chart_Complaints"), "series-complaints", [.. figures.Periods.Select(p => p.Complaints)]),
                 new Series(Text.Get("Chart_Flags"), "series-flags", [.. figures.Periods.Select(p => p.Flags)])]));
        }
        if (figures.TimeHeld.Count > 0)
        {
            var longest = figures.TimeHeld[0];
            html.Append(SvgCharts.Bars("time-held", Text.Get("Chart_TimeHeld"),
                Text.Format("Chart_TimeHeld_Description", figures.TimeHeld.Count, longest.Name, Text.Duration(longest.Held)), "bar-held", Text.Get("Chart_TimeHeld_Value"),
                [.. figures.TimeHeld.Select(t => new Bar(t.Name, t.Held.TotalHours, Text.Duration(t.Held)))]));
        }
        if (figures.Bounces.Count > 0)
        {
            var worst = figures.Bounces[0];
            html.Append(SvgCharts.Bars("bounces", Text.Get("Chart_Bounces"),
                Text.Format("Chart_Bounces_Description", OverviewReader.HandoffsForBounceRate, worst.Name, Percent(worst.Rate), worst.Bounced, worst.Received),
                "bar-bounce", Text.Get("Chart_Bounces_Value"),
                [.. figures.Bounces.Select(b => new Bar(b.Name, b.Rate, Text.Format("Chart_Bounces_Shown", Percent(b.Rate), b.Bounced, b.Received)))], scaleMax: 1));
        }
        else
        {
            html.Append("<p>").Append(E(Text.Format("Chart_Bounces_None", OverviewReader.HandoffsForBounceRate))).Append("</p>");
        }
        html.Append("</div></section>");
    }

    private static string Percent(double rate) => rate.ToString("P0", CultureInfo.CurrentUICulture);
}
