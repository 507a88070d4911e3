using System.Text;
using Accountability.Api.Features.Pages;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard;

/// <summary>The dashboard's page frame and the pieces every page uses: server-rendered, no script, one local stylesheet.</summary>
public static class DashboardHtml
{
    /// <param name="signOutSeal">The sealed field of the sign-out form; null on pages shown before signing in.</param>
    public static string Document(string title, string main, string? signOutSeal)
    {
        var header = new StringBuilder("<header><nav aria-label=\"").Append(E(Text.Get("Nav_Label"))).Append("\"><a class=\"brand\" href=\"")
            .Append(DashboardRoutes.Overview).Append("\">").Append(E(Text.Get("Brand"))).Append("</a>");
        if (signOutSeal is not null)
        {
            header.Append("<form method=\"post\" action=\"").Append(DashboardRoutes.SignOut).Append("\">");
            Seal(header, signOutSeal);
            header.Append("<button type=\"submit\" class=\"secondary\">").Append(E(Text.Get("SignOut_Submit"))).Append("</button></form>");
        }
        header.Append("</nav></header>");
        return PageHtml.Document(Text.Get("Language"), $"{title} · {Text.Get("Brand")}", DashboardRoutes.Stylesheet, $"""
            {header}
            <main>
            {main}
            </main>
            """);
    }

    /// <summary>A page that only says something: not found, or why a form was refused.</summary>
    public static string Message(string title, string body, string? signOutSeal) =>
        Document(title, $"<h1>{E(title)}</h1><p>{E(body)}</p><p><a href=\"{DashboardRoutes.Overview}\">{E(Text.Get("BackToOverview"))}</a></p>", signOutSeal);

    public static string TooManyAttempts() => Message(Text.Get("TooMany_Title"), Text.Get("TooMany_Body"), signOutSeal: null);

    public static void Seal(StringBuilder html, string seal) =>
        html.Append("<input type=\"hidden\" name=\"").Append(DashboardForms.FieldName).Append("\" value=\"").Append(E(seal)).Append("\">");

    public static void Section(StringBuilder html, string id, string heading) =>
        html.Append("<section aria-labelledby=\"").Append(id).Append("\"><h2 id=\"").Append(id).Append("\">").Append(E(heading)).Append("</h2>");

    public static void Time(StringBuilder html, DateTimeOffset at) =>
        html.Append("<time datetime=\"").Append(at.UtcDateTime.ToString("O")).Append("\">").Append(E(Text.Date(at))).Append("</time>");

    public static string E(string text) => PageHtml.Encode(text);
}
