using System.Text;
using Accountability.Api.Features.RecurringProblems;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>The open recurring problems: the same product and category failing again and again, to be fixed once.</summary>
public static class ProblemList
{
    public const int Shown = 20;

    /// <summary>How many open problems are read (the newest) to choose the ones shown from.</summary>
    public const int Read = 200;

    /// <summary>The open problems linking the most complaints first: what keeps breaking most.</summary>
    public static string Section(IReadOnlyList<ProblemView> open)
    {
        var html = new StringBuilder();
        DashboardHtml.Section(html, "problems", Text.Get("Problems_Heading"));
        if (open.Count == 0)
            return html.Append("<p>").Append(E(Text.Get("Problems_None"))).Append("</p></section>").ToString();
        var problems = open.OrderByDescending(p => p.LinkedComplaints ?? 0).ThenByDescending(p => p.OpenedAt).Take(Shown).ToList();
        html.Append("<p class=\"hint\">").Append(E(Text.Format(open.Count >= Read ? "Problems_ShownOfMany" : "Problems_Shown", problems.Count, open.Count))).Append("</p>");
        html.Append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"").Append(E(Text.Get("Problems_Table"))).Append("\"><table><thead><tr>");
        foreach (var heading in new[] { "Problems_Problem", "Problems_Product", "Problems_Owner", "Problems_Linked", "Problems_Opened" })
            html.Append("<th scope=\"col\">").Append(E(Text.Get(heading))).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var p in problems)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(p.Summary)).Append("</th><td>").Append(E(Text.Format("Problems_ProductCategory", p.Product, p.Category)))
                .Append("</td><td>").Append(E(p.Owner?.DisplayName ?? Text.Get("Problems_NoOwner"))).Append("</td><td>").Append(p.LinkedComplaints ?? 0).Append("</td><td>");
            Time(html, p.OpenedAt);
            html.Append(' ').Append(E(p.OpenedAutomatically ? Text.Get("Problems_ByRules") : Text.Format("Problems_By", p.OpenedBy?.DisplayName ?? ""))).Append("</td></tr>");
        }
        return html.Append("</tbody></table></div></section>").ToString();
    }
}
