using System.Text;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.SignIn;

public static class SignInHtml
{
    public const string KeyField = "key";

    public const int KeyMaxLength = 200;

    /// <param name="notice">Why the operator is here (their session ended, they signed out), if it matters.</param>
    /// <param name="error">Why the last attempt failed, if it did.</param>
    public static string Page(string seal, string? notice, string? error)
    {
        var html = new StringBuilder("<h1>").Append(E(Text.Get("SignIn_Title"))).Append("</h1>");
        if (notice is not null)
            html.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        if (error is not null)
            html.Append("<div class=\"error\" role=\"alert\"><h2>").Append(E(Text.Get("SignIn_Failed"))).Append("</h2><p>").Append(E(error)).Append("</p></div>");
        html.Append("<p>").Append(E(Text.Get("SignIn_Intro"))).Append("</p>");
        html.Append("<form method=\"post\" action=\"").Append(DashboardRoutes.SignIn).Append("\" class=\"sign-in\">");
        Seal(html, seal);
        html.Append("<label for=\"key\">").Append(E(Text.Get("SignIn_KeyLabel"))).Append("</label>")
            .Append("<input type=\"password\" id=\"key\" name=\"").Append(KeyField).Append("\" autocomplete=\"off\" spellcheck=\"false\" required maxlength=\"").Append(KeyMaxLength).Append("\" aria-describedby=\"key-hint\">")
            .Append("<p id=\"key-hint\" class=\"hint\">").Append(E(Text.Get("SignIn_KeyHint"))).Append("</p>")
            .Append("<button type=\"submit\" class=\"primary\">").Append(E(Text.Get("SignIn_Submit"))).Append("</button></form>");
        return Document(Text.Get("SignIn_Title"), html.ToString(), signOutSeal: null);
    }
}
