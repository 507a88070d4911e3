using System.Text;
using Accountability.Api.Features.Dashboard.ComplaintPage;
using Accountability.Api.Persistence;
using Accountability.Domain.Parties;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.Due;

/// <summary>One row per running clock due before the horizon, the soonest (the most overdue) first.</summary>
public static class DueHtml
{
    public static string Page(IReadOnlyList<ComplaintListItem> due, PartyDirectory parties, DateTimeOffset now, TimeSpan soon, string signOutSeal)
    {
        var hours = (int)soon.TotalHours;
        var html = new StringBuilder("<p class=\"crumbs\"><a href=\"").Append(DashboardRoutes.Overview).Append("\">").Append(E(Text.Get("BackToOverview"))).Append("</a></p>");
        html.Append("<h1>").Append(E(Text.Get("Due_Title"))).Append("</h1>");
        var clocks = due.SelectMany(item => item.Clocks.Where(c => !c.IsPaused && c.DueAt < now + soon).Select(c => (item.Complaint, Clock: c)))
            .OrderBy(row => row.Clock.DueAt).ToList();
        if (clocks.Count == 0)
            return Document(Text.Get("Due_Title"), html.Append("<p>").Append(E(Text.Format("Due_None", hours))).Append("</p>").ToString(), signOutSeal);

        html.Append("<p class=\"summary\">").Append(E(Text.Format("Due_Summary", hours))).Append("</p>");
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(E(Text.Get("Due_Table"))).Append("\"><table class=\"due\"><thead><tr>");
        foreach (var heading in new[] { "Due_Complaint", "Due_What", "Due_Who", "Due_When" })
            html.Append("<th scope=\"col\">").Append(E(Text.Get(heading))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var (complaint, clock) in clocks)
        {
            html.Append("<tr").Append(clock.IsOverdueAt(now) ? " class=\"needs-action\"" : "").Append("><th scope=\"row\"><a href=\"")
                .Append(DashboardRoutes.Complaint(complaint.Id)).Append("\">").Append(E(complaint.Product)).Append("</a><span class=\"reference\">")
                .Append(E(complaint.CustomerReference)).Append("</span></th><td>").Append(E(Text.Get($"Clock_{clock.Kind}"))).Append("</td><td>")
                .Append(E(parties.NameOf(clock.Holder))).Append("</td><td>");
            ClocksHtml.State(html, clock, now);
            html.Append("</td></tr>");
        }
        html.Append("</tbody></table></div>");
        return Document(Text.Get("Due_Title"), html.ToString(), signOutSeal);
    }
}
