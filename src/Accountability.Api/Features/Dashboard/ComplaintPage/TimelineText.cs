using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Text = Accountability.Api.Features.Dashboard.DashboardText;

namespace Accountability.Api.Features.Dashboard.ComplaintPage;

/// <summary>Each event of a complaint's stream in a sentence, and who did it, by display name.</summary>
public static class TimelineText
{
    public static string Who(object data, PartyDirectory parties) => data is IComplaintEvent e ? e.By switch
    {
        RuleEngine.Actor => Text.Get("Who_Rules"),
        Party.CustomerId => Text.Get("Who_Customer"),
        var by => parties.NameOf(by),
    } : "";

    public static string What(object data, PartyDirectory parties) => data switch
    {
        ComplaintFiled e => Text.Format("Event_Filed", e.Product, e.Category, e.CustomerReference, e.Channel, e.Description),
        ComplaintAssigned e => (e.Reason is { } reason ? Text.Format("Event_AssignedBecause", parties.NameOf(e.To), Text.Get($"AssignmentReason_{reason}"))
                : Text.Format("Event_Assigned", parties.NameOf(e.To)))
            + (e.Note is { Length: > 0 } note ? Text.Format("Event_Note", note) : ""),
        ComplaintAcknowledged => Text.Get("Event_Acknowledged"),
        ComplaintHandedOff e => Text.Format("Event_HandedOff", parties.NameOf(e.From), parties.NameOf(e.To), e.Reason)
            + (e.Note is { Length: > 0 } note ? Text.Format("Event_Note", note) : "")
            + (e.Evidence.Count > 0 ? Text.Format("Event_Evidence", string.Join(", ", e.Evidence)) : Text.Get("Event_NoEvidence")),
        CustomerRedirected e => Text.Format("Event_Redirected", parties.NameOf(e.RedirectedTo)) + (e.Message is { Length: > 0 } m ? Text.Format("Event_Note", m) : ""),
        InformationRequested e => Text.Format("Event_InformationRequested", e.Question),
        InformationProvided e => Text.Format("Event_InformationProvided", e.Answer),
        ThirdPartyWaitStarted e => Text.Format("Event_ThirdPartyWaitStarted", e.ThirdParty) + (e.Reason is { Length: > 0 } why ? Text.Format("Event_Note", why) : ""),
        ThirdPartyResponded e => Text.Format("Event_ThirdPartyResponded", e.Answer),
        ResolutionProposed e => Text.Format("Event_ResolutionProposed", e.Summary),
        ComplaintResolved { Terms: { } terms } e => Text.Format("Event_Resolved", e.RootCause, parties.NameOf(e.LiableParty), e.Remedy)
            + Text.Format(terms.Amount is not null ? "Event_RemedyCost" : "Event_RemedyKind", Text.Get($"RemedyKind_{terms.Kind}"), terms.Amount)
            + (e.Judgment is { } judgment ? Text.Format($"Event_DefaultJudgment{judgment.Cause}", parties.NameOf(judgment.Party), Wording.Time(judgment.Due)) : ""),
        ComplaintResolved e => Text.Format("Event_Resolved", e.RootCause, parties.NameOf(e.LiableParty), e.Remedy),
        ChargeCreated { Replaces: null } e => Text.Format("Event_Charged", parties.NameOf(e.Party), e.Amount),
        ChargeCreated e => Text.Format("Event_ChargedInstead", parties.NameOf(e.Party), e.Amount),
        ChargeReversed e => Text.Format("Event_ChargeReversed", e.ChargeId, e.Reason),
        ChargeAppealed e => Text.Format("Event_ChargeAppealed", e.ChargeId, e.Statement)
            + (e.Evidence.Count > 0 ? Text.Format("Event_Evidence", string.Join(", ", e.Evidence)) : ""),
        AppealDecided e => Text.Format($"Event_Appeal{e.Outcome}", e.ChargeId, e.Reason),
        ComplaintReopened e => Text.Format("Event_Reopened", e.Reason),
        ComplaintClosed => Text.Get("Event_Closed"),
        ComplaintCancelled e => Text.Format("Event_Cancelled", e.Reason),
        ResolutionConfirmed => Text.Get("Event_ResolutionConfirmed"),
        ResolutionRejected e => Text.Get("Event_ResolutionRejected") + (e.Comment is { Length: > 0 } c ? Text.Format("Event_Note", c) : ""),
        ComplaintRated e => Text.Format("Event_Rated", e.Stars) + (e.Comment is { Length: > 0 } c ? Text.Format("Event_Note", c) : ""),
        TrackingLinkReissued => Text.Get("Event_TrackingLinkReissued"),
        TrackingLinkRevoked => Text.Get("Event_TrackingLinkRevoked"),
        FlagRaised e => Text.Format("Event_Flagged", Text.NameOf("Rule", e.Rule), Text.Get($"Severity_{e.Severity}"), e.Sentence),
        FlagWithdrawn e => Text.Format("Event_FlagWithdrawn", Text.NameOf("Rule", e.Rule), e.Flag, e.Reason),
        ComplaintEscalated e => Text.Format("Event_Escalated", e.Reason),
        StepInRequested => Text.Get("Event_StepInRequested"),
        ComplaintTakenOver e => Text.Format($"Event_TakenOver{e.Cause}", parties.NameOf(e.From), parties.NameOf(e.To)),
        EvidenceRequested e => Text.Format("Event_EvidenceRequested", parties.NameOf(e.Party), Wording.Time(e.Due), e.Needed, e.Reason),
        EvidenceSubmitted e => Text.Format("Event_EvidenceSubmitted", string.Join(", ", e.Evidence)) + (e.Note is { Length: > 0 } n ? Text.Format("Event_Note", n) : ""),
        EvidenceDeadlineMissed e => Text.Format("Event_EvidenceDeadlineMissed", parties.NameOf(e.Party), Wording.Time(e.Due)),
        _ => Text.Format("Event_Other", data.GetType().Name),
    };
}
