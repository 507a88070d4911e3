using System.Text;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.ComplaintActions;

/// <summary>
/// The complaint page's own section of forms: one per action the operator may take now, each sealed and carrying the
/// version it was shown at (a form sent after someone else acted is refused, not applied to a complaint it was not made for).
/// </summary>
public static class ComplaintActionsHtml
{
    public const string VersionField = "version";

    /// <summary>The longest text a field takes, as the API's validators allow; the server checks it again with those validators.</summary>
    private const int TextMaxLength = 2000;

    /// <param name="done">The action just taken, from the redirect after it, to say it went through.</param>
    /// <param name="error">Why the last form was refused, if it was.</param>
    /// <param name="kept">The refused form's fields, shown again in its form so nothing typed is lost.</param>
    public static string Section(Complaint c, OfferedActions offered, string seal, string? done, string? error, KeptForm? kept = null)
    {
        var html = new StringBuilder();
        DashboardHtml.Section(html, "actions", Text.Get("Actions_Heading"));
        if (done is not null && Text.Find($"Done_{done.Replace('-', '_')}") is { } said)
            html.Append("<p class=\"notice\" role=\"status\">").Append(E(said)).Append("</p>");
        if (error is not null)
            html.Append("<div class=\"error\" role=\"alert\"><h3>").Append(E(Text.Get("Error_Heading"))).Append("</h3><p>").Append(E(error)).Append("</p></div>");
        if (!offered.Any)
        {
            html.Append("<p>").Append(E(Text.Get("Actions_None"))).Append("</p></section>");
            return html.ToString();
        }
        html.Append("<div class=\"actions\">");
        var form = new Forms(html, c, seal, kept);
        if (offered.AssignTo.Count > 0)
            form.Write(ActionRoutes.Assign, "Assign", f =>
            {
                f.Choice("to", Text.Get("Action_AssignTo"), required: true, [("", Text.Get("Action_ChooseParty")), .. offered.AssignTo.Select(p => (p.Id, p.DisplayName))]);
                f.Choice("reason", Text.Get("Action_Reason"), required: false, Reasons(Text.Get("Action_NoReason")));
                f.TextArea("note", Text.Get("Action_Note"), required: false);
            });
        if (offered.TakeOver)
            form.Write(ActionRoutes.TakeOver, "TakeOver", f =>
            {
                f.Hint(Text.Get("Action_TakeOver_Hint"));
                f.Choice("reason", Text.Get("Action_Reason"), required: false, Reasons(Text.Get("Action_NoReason")));
                f.TextArea("note", Text.Get("Action_Note"), required: false);
            });
        if (offered.RequestInformation)
            form.Write(ActionRoutes.RequestInformation, "RequestInformation", f => f.TextArea("question", Text.Get("Action_Question"), required: true));
        if (offered.ProposeFix)
            form.Write(ActionRoutes.ProposeFix, "ProposeFix", f => f.TextArea("summary", Text.Get("Action_Fix"), required: true));
        if (offered.Resolve)
            form.Write(ActionRoutes.Resolve, "Resolve", f =>
            {
                f.Choice("rootCause", Text.Get("Action_RootCause"), required: true,
                    [("", Text.Get("Action_ChooseRootCause")), .. Enum.GetValues<RootCause>().Select(r => (r.ToString(), Text.Get($"RootCause_{r}")))]);
                f.Choice("liableParty", Text.Get("Action_Liable"), required: true,
                    [("", Text.Get("Action_ChooseParty")), .. offered.Parties.Select(p => (p.Id, p.DisplayName))]);
                f.TextArea("remedy", Text.Get("Action_Remedy"), required: true);
            });
        if (offered.Close)
            form.Write(ActionRoutes.Close, "Close", f => f.Hint(Text.Get("Action_Close_Hint")));
        if (offered.Reopen)
            form.Write(ActionRoutes.Reopen, "Reopen", f => f.TextArea("reason", Text.Get("Action_ReopenReason"), required: true));
        html.Append("</div></section>");
        return html.ToString();
    }

    private static (string Value, string Label)[] Reasons(string none) =>
        [("", none), .. Enum.GetValues<AssignmentReason>().Select(r => (r.ToString(), Text.Get($"AssignmentReason_{r}")))];

    /// <summary>Writes the forms: each labelled by its heading, its fields' ids prefixed by its route so no two forms share one.</summary>
    private sealed class Forms(StringBuilder html, Complaint c, string seal, KeptForm? kept)
    {
        private string prefix = "";
        private IFormCollection? values;

        public void Write(string route, string name, Action<Forms> fields)
        {
            prefix = route;
            values = kept?.Action == route ? kept.Fields : null;
            html.Append("<form method=\"post\" class=\"action\" action=\"").Append(ActionRoutes.Of(c.Id, route)).Append("\" aria-labelledby=\"").Append(route)
                .Append("-heading\"><h3 id=\"").Append(route).Append("-heading\">").Append(E(Text.Get($"Action_{name}"))).Append("</h3>");
            Seal(html, seal);
            html.Append("<input type=\"hidden\" name=\"").Append(VersionField).Append("\" value=\"").Append(c.Version).Append("\">");
            fields(this);
            html.Append("<button type=\"submit\" class=\"primary\">").Append(E(Text.Get($"Action_{name}_Submit"))).Append("</button></form>");
        }

        public void Hint(string text) => html.Append("<p class=\"hint\">").Append(E(text)).Append("</p>");

        public void Choice(string field, string label, bool required, IEnumerable<(string Value, string Label)> options)
        {
            Label(field, label);
            html.Append("<select id=\"").Append(prefix).Append('-').Append(field).Append("\" name=\"").Append(field).Append('"').Append(required ? " required" : "").Append('>');
            var chosen = values?[field].ToString();
            foreach (var (value, text) in options)
                html.Append("<option value=\"").Append(E(value)).Append('"').Append(value.Length > 0 && value == chosen ? " selected" : "").Append('>').Append(E(text)).Append("</option>");
            html.Append("</select>");
        }

        public void TextArea(string field, string label, bool required)
        {
            Label(field, label);
            html.Append("<textarea id=\"").Append(prefix).Append('-').Append(field).Append("\" name=\"").Append(field).Append("\" rows=\"3\" maxlength=\"")
                .Append(TextMaxLength).Append('"').Append(required ? " required" : "").Append('>').Append(E(values?[field].ToString() ?? "")).Append("</textarea>");
        }

        private void Label(string field, string label) =>
            html.Append("<label for=\"").Append(prefix).Append('-').Append(field).Append("\">").Append(E(label)).Append("</label>");
    }
}

/// <summary>A refused action form's fields, for the page that says why to show them again.</summary>
public sealed record KeptForm(string Action, IFormCollection Fields);

/// <summary>Where each action's form is posted, under the complaint's page.</summary>
public static class ActionRoutes
{
    public const string Assign = "assign";
    public const string TakeOver = "take-over";
    public const string RequestInformation = "request-information";
    public const string ProposeFix = "propose-fix";
    public const string Resolve = "resolve";
    public const string Close = "close";
    public const string Reopen = "reopen";

    public static string Of(Guid complaint, string action) => $"{DashboardRoutes.Complaint(complaint)}/{action}";
}
