using System.Text;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.ComplaintPage;

/// <summary>A complaint's running clocks: what is owed, by whom, by when, and how much time is left (or how late it is).</summary>
public static class ClocksHtml
{
    public static void Section(StringBuilder html, IReadOnlyList<RunningClock> clocks, PartyDirectory parties, DateTimeOffset now)
    {
        DashboardHtml.Section(html, "clocks", Text.Get("Clocks_Heading"));
        if (clocks.Count == 0)
        {
            html.Append("<p>").Append(E(Text.Get("Clocks_None"))).Append("</p></section>");
            return;
        }
        html.Append("<ul class=\"clocks\">");
        foreach (var clock in clocks)
        {
            html.Append("<li class=\"clock").Append(clock.IsOverdueAt(now) ? " overdue" : "").Append("\"><strong>").Append(E(Text.Get($"Clock_{clock.Kind}")))
                .Append("</strong> ").Append(E(Text.Format("Clock_MustAct", parties.NameOf(clock.Holder)))).Append(": ");
            State(html, clock, now);
            html.Append("</li>");
        }
        html.Append("</ul></section>");
    }

    /// <summary>"5 h 12 min left, due ...", "overdue by 3 h, due ...", or paused with the time left.</summary>
    public static void State(StringBuilder html, RunningClock clock, DateTimeOffset now)
    {
        var left = clock.LeftAt(now);
        if (clock.IsPaused)
        {
            html.Append(E(Text.Format("Clock_Paused", Text.Duration(left))));
            return;
        }
        html.Append(E(clock.IsOverdueAt(now) ? Text.Format("Clock_Overdue", Text.Duration(-left)) : Text.Format("Clock_Running", Text.Duration(left)))).Append(' ');
        Time(html, clock.DueAt);
    }
}
