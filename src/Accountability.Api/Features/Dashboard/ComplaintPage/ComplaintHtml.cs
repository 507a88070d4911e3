using System.Text;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using JasperFx.Events;
using static Accountability.Api.Features.Dashboard.DashboardHtml;
using Text = Accountability.Api.Features.Dashboard.DashboardText;
using State = Accountability.Domain.Complaints.Complaint;

namespace Accountability.Api.Features.Dashboard.ComplaintPage;

/// <summary>One complaint for the operator: where it stands, every flag with its sentence and the events that prove it, what the operator may do, and the whole timeline.</summary>
public static class ComplaintHtml
{
    /// <param name="clocks">The holder's running deadlines.</param>
    /// <param name="actions">The section of forms for what the operator may do now (ComplaintActions).</param>
    public static string Page(State c, IReadOnlyList<IEvent> events, PartyDirectory parties, DateTimeOffset now, string signOutSeal,
        IReadOnlyList<RunningClock> clocks, string actions)
    {
        var html = new StringBuilder("<p class=\"crumbs\"><a href=\"").Append(DashboardRoutes.Overview).Append("\">").Append(E(Text.Get("BackToOverview"))).Append("</a></p>");
        html.Append("<h1>").Append(E(Text.Format("Complaint_Title", c.Product))).Append("</h1>");
        html.Append("<p class=\"summary\">").Append(E(Text.Format("Complaint_Filed", c.CustomerReference, Text.Date(c.FiledAt)))).Append("</p>");
        Facts(html, c, parties, now);
        ClocksHtml.Section(html, clocks, parties, now);
        Flags(html, events);
        Liability.ChargesHtml.Section(html, c.Charges, parties);
        html.Append(actions);
        Timeline(html, events, parties);
        return Document(Text.Format("Complaint_Title", c.Product), html.ToString(), signOutSeal);
    }

    private static void Facts(StringBuilder html, State c, PartyDirectory parties, DateTimeOffset now)
    {
        Section(html, "facts", Text.Get("Complaint_Now"));
        if (c.Escalation is { } escalation)
            html.Append("<p class=\"escalated\">").Append(E(Text.Format("Complaint_Escalated", parties.NameOf(Party.StoreId), escalation.Reason))).Append("</p>");
        html.Append("<dl class=\"facts\">");
        Fact(html, "Complaint_Status", Text.Get($"Status_{c.Status}"));
        Fact(html, "Complaint_Holder", parties.NameOf(c.Holder));
        Fact(html, "Complaint_Accountable", parties.NameOf(c.AccountableParty()));
        Fact(html, "Complaint_Vendor", parties.NameOf(c.VendorId));
        Fact(html, "Complaint_Category", c.Category);
        Fact(html, "Complaint_Severity", Text.Get($"Severity_{c.Severity}"));
        Fact(html, "Complaint_Handoffs", Text.Format("Complaint_Counts", c.HandoffCount, c.ReopenCount));
        Fact(html, "Complaint_TimeHeld", string.Join(", ", c.TimeHeld(now).OrderByDescending(t => t.Value)
            .Select(t => Text.Format("Complaint_HeldBy", parties.NameOf(t.Key), Text.Duration(t.Value)))));
        html.Append("</dl></section>");
    }

    private static void Fact(StringBuilder html, string key, string value) =>
        html.Append("<dt>").Append(E(Text.Get(key))).Append("</dt><dd>").Append(E(value.Length == 0 ? "–" : value)).Append("</dd>");

    private static void Flags(StringBuilder html, IReadOnlyList<IEvent> events)
    {
        var byVersion = events.ToDictionary(e => e.Version);
        var flags = events.Where(e => e.Data is FlagRaised).ToList();
        var withdrawnBy = events.Where(e => e.Data is FlagWithdrawn).ToDictionary(e => ((FlagWithdrawn)e.Data).Flag, e => e.Version);
        Section(html, "flags", Text.Format("Complaint_Flags", flags.Count));
        if (flags.Count == 0)
            html.Append("<p>").Append(E(Text.Get("Complaint_NoFlags"))).Append("</p>");
        html.Append("<ol class=\"flags\">");
        foreach (var e in flags)
        {
            var flag = (FlagRaised)e.Data;
            html.Append("<li class=\"flag severity-border-").Append(flag.Severity.ToString().ToLowerInvariant())
                .Append(withdrawnBy.ContainsKey(e.Version) ? " withdrawn" : "").Append("\"><h3>")
                .Append(E(Text.NameOf("Rule", flag.Rule))).Append(" <span class=\"severity severity-").Append(flag.Severity.ToString().ToLowerInvariant()).Append("\">")
                .Append(E(Text.Get($"Severity_{flag.Severity}"))).Append("</span></h3><p class=\"sentence\">").Append(E(flag.Sentence)).Append("</p><p class=\"hint\">")
                .Append(E(Text.Get("Complaint_FlagRaised"))).Append(' ');
            Time(html, flag.At);
            if (withdrawnBy.TryGetValue(e.Version, out var withdrawal))
                html.Append("</p><p class=\"withdrawn-note\">").Append(E(Text.Format("Complaint_FlagWithdrawn", withdrawal)));
            html.Append("</p><p>").Append(E(Text.Get("Complaint_Evidence"))).Append("</p><ul class=\"evidence\">");
            foreach (var version in flag.Evidence.Where(byVersion.ContainsKey))
            {
                var proof = byVersion[version];
                html.Append("<li><a href=\"#event-").Append(version).Append("\">").Append(E(Text.Format("Complaint_EvidenceEvent", version, Text.NameOf("Type", proof.EventTypeName))))
                    .Append("</a> ");
                Time(html, At(proof));
                html.Append("</li>");
            }
            html.Append("</ul></li>");
        }
        html.Append("</ol></section>");
    }

    private static void Timeline(StringBuilder html, IReadOnlyList<IEvent> events, PartyDirectory parties)
    {
        Section(html, "timeline", Text.Format("Complaint_Timeline", events.Count));
        html.Append("<ol class=\"timeline\">");
        foreach (var e in events)
        {
            html.Append("<li id=\"event-").Append(e.Version).Append('"').Append(e.Data is FlagRaised ? " class=\"flag-event\"" : "").Append("><span class=\"version\">")
                .Append(e.Version).Append(".</span> ");
            Time(html, At(e));
            html.Append(" <strong>").Append(E(TimelineText.Who(e.Data, parties))).Append("</strong> <span>").Append(E(TimelineText.What(e.Data, parties))).Append("</span></li>");
        }
        html.Append("</ol></section>");
    }

    /// <summary>When it happened (for imported history, the original time), not when it was recorded.</summary>
    private static DateTimeOffset At(IEvent e) => (e.Data as Domain.Complaints.IComplaintEvent)?.At ?? e.Timestamp;
}
