using System.Text;
using Accountability.Api.Features.Pages;
using Accountability.Domain.Customers;
using Text = Accountability.Api.Features.StatusPage.StatusText;

namespace Accountability.Api.Features.StatusPage;

/// <summary>Server-rendered HTML that works without JavaScript: semantic sections, labelled forms, one local stylesheet.</summary>
public static class StatusPageHtml
{
    /// <param name="notice">A confirmation of what the customer just did, if anything.</param>
    /// <param name="error">Why what the customer just tried did not go through, if it did not.</param>
    public static string Page(StatusPageView view, string token, string sealedForm, string? notice, string? error)
    {
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(Text.Format("Page_Title", view.Product))).Append("</h1>");
        body.Append("<p class=\"filed\">").Append(E(Text.Format("Page_FiledOn", Text.Date(view.FiledAt)))).Append("</p>");
        if (notice is not null)
            body.Append("<p class=\"notice\" role=\"status\">").Append(E(notice)).Append("</p>");
        if (error is not null)
            body.Append("<div class=\"error\" role=\"alert\"><h2>").Append(E(Text.Get("Error_Heading"))).Append("</h2><p>").Append(E(error)).Append("</p></div>");

        Section(body, "now", Text.Get("Heading_Now"));
        body.Append("<p class=\"status status-").Append(view.Status.ToString().ToLowerInvariant()).Append("\">").Append(E(view.StatusText)).Append("</p>");
        body.Append("<p>").Append(E(view.HandledBy)).Append("</p>");
        if (view.Escalation is not null)
            body.Append("<p class=\"escalated\">").Append(E(view.Escalation)).Append("</p>");
        body.Append("</section>");

        Section(body, "next", Text.Get("Heading_Next"));
        if (view.YouSaid is not null)
            body.Append("<p class=\"you-said\">").Append(E(view.YouSaid)).Append("</p>");
        body.Append("<p>").Append(E(view.NextStep)).Append("</p></section>");

        if (view.Can is { Answer: true } or { ConfirmFix: true } or { ReportStillBroken: true } or { Rate: true } or { AskStoreToStepIn: true })
        {
            Section(body, "actions", Text.Get("Heading_Actions"));
            Forms(body, view, token, sealedForm);
            body.Append("</section>");
        }

        Section(body, "timeline", Text.Get("Heading_Timeline"));
        body.Append("<ol class=\"timeline\">");
        foreach (var m in view.Timeline.Reverse())
            body.Append("<li><time datetime=\"").Append(m.At.UtcDateTime.ToString("O")).Append("\">").Append(E(Text.Date(m.At)))
                .Append("</time> <span>").Append(E(m.Text)).Append("</span></li>");
        body.Append("</ol></section>");
        return Document(Text.Format("Page_Title", view.Product), body.ToString());
    }

    public static string NotFound() =>
        Document(Text.Get("NotFound_Title"), $"<h1>{E(Text.Get("NotFound_Title"))}</h1><p>{E(Text.Get("NotFound_Body"))}</p>");

    private static void Forms(StringBuilder body, StatusPageView view, string token, string sealedForm)
    {
        var action = $"/status/{token}";
        if (view.Can.AskStoreToStepIn)
        {
            Form(body, $"{action}/step-in", sealedForm, Text.Format("StepIn_Legend", view.Store));
            body.Append("<p class=\"hint\">").Append(E(Text.Format(view.StoreTakesOver ? "StepIn_Hint" : "StepIn_HintNoTakeover", view.Store))).Append("</p>");
            EndForm(body, Text.Format("StepIn_Submit", view.Store));
        }
        if (view.Can.Answer)
        {
            Form(body, $"{action}/answer", sealedForm, Text.Get("Answer_Legend"));
            body.Append("<p class=\"question\">").Append(E(view.Question ?? "")).Append("</p>");
            TextArea(body, "answer", Text.Get("Answer_Label"), required: true);
            EndForm(body, Text.Get("Answer_Submit"));
        }
        if (view.Can.ConfirmFix)
        {
            Form(body, $"{action}/confirmation", sealedForm, Text.Get("Confirm_Legend"));
            if (view.ProposedFix is not null)
                body.Append("<p class=\"fix\">").Append(E(view.ProposedFix)).Append("</p>");
            EndForm(body, Text.Get("Confirm_Submit"));
        }
        if (view.Can.ReportStillBroken)
        {
            Form(body, $"{action}/still-broken", sealedForm, Text.Get("StillBroken_Legend"));
            TextArea(body, "comment", Text.Get("StillBroken_Label"), required: false, id: "still-broken-comment");
            EndForm(body, Text.Get("StillBroken_Submit"), "secondary");
        }
        if (view.Can.Rate)
        {
            Form(body, $"{action}/rating", sealedForm, Text.Get("Rate_Legend"));
            if (view.Rating is { } rating)
                body.Append("<p>").Append(E(Text.Format("Rate_Current", rating))).Append("</p>");
            body.Append("<p class=\"hint\">").Append(E(Text.Get("Rate_Worst"))).Append("</p><div class=\"stars\">");
            for (var stars = 1; stars <= 5; stars++)
                body.Append("<label><input type=\"radio\" name=\"stars\" value=\"").Append(stars).Append('"').Append(stars == 1 ? " required" : "")
                    .Append(view.Rating == stars ? " checked" : "").Append("> ").Append(E(Text.Format("Rate_Stars", stars))).Append("</label>");
            body.Append("</div>");
            TextArea(body, "comment", Text.Get("Rate_Comment"), required: false, id: "rating-comment");
            EndForm(body, Text.Get("Rate_Submit"));
        }
    }

    private static void Form(StringBuilder body, string action, string sealedForm, string legend) =>
        body.Append("<form method=\"post\" action=\"").Append(E(action)).Append("\"><fieldset><legend>").Append(E(legend)).Append("</legend>")
            .Append("<input type=\"hidden\" name=\"").Append(StatusForms.FieldName).Append("\" value=\"").Append(E(sealedForm)).Append("\">");

    private static void EndForm(StringBuilder body, string submit, string style = "primary") =>
        body.Append("<button type=\"submit\" class=\"").Append(style).Append("\">").Append(E(submit)).Append("</button></fieldset></form>");

    private static void TextArea(StringBuilder body, string name, string label, bool required, string? id = null)
    {
        id ??= name;
        body.Append("<label for=\"").Append(id).Append("\">").Append(E(label)).Append("</label><textarea id=\"").Append(id).Append("\" name=\"")
            .Append(name).Append("\" rows=\"4\" maxlength=\"").Append(CustomerInput.MaxLength).Append('"').Append(required ? " required" : "").Append("></textarea>");
    }

    private static void Section(StringBuilder body, string id, string heading) =>
        body.Append("<section aria-labelledby=\"").Append(id).Append("\"><h2 id=\"").Append(id).Append("\">").Append(E(heading)).Append("</h2>");

    private static string Document(string title, string main) => PageHtml.Document(Text.Get("Language"), title, "/assets/status.css", $"""
        <main>
        {main}
        </main>
        <footer><p>{E(Text.Get("Page_NoIndexNotice"))}</p></footer>
        """);

    private static string E(string text) => PageHtml.Encode(text);
}
