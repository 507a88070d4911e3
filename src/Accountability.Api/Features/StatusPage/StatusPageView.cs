using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Text = Accountability.Api.Features.StatusPage.StatusText;

namespace Accountability.Api.Features.StatusPage;

public sealed record MilestoneView(MilestoneKind Kind, DateTimeOffset At, string Text);

/// <summary>Which of the customer's actions the page offers now.</summary>
public sealed record CustomerActions(bool Answer, bool ConfirmFix, bool ReportStillBroken, bool Rate);

/// <summary>
/// The status page in the customer's words: the HTML page renders it, and the JSON view is it. Only what the
/// customer may see: no internal notes, reasons, evidence, flags or references.
/// </summary>
public sealed record StatusPageView(
    string Product,
    ComplaintStatus Status,
    string StatusText,
    string HandledBy,
    DateTimeOffset FiledAt,
    string? Escalation,
    string NextStep,
    DateTimeOffset? NextStepBy,
    string? Question,
    string? ProposedFix,
    int? Rating,
    CustomerActions Can,
    IReadOnlyList<MilestoneView> Timeline,
    long Version)
{
    public static StatusPageView Of(CustomerStatus s, PartyDirectory parties, Policy policy, TimeSpan reopenWindow, DateTimeOffset now)
    {
        var next = Domain.Customers.NextStep.Of(s, parties.Find(s.Holder)?.Kind, policy, reopenWindow, now);
        var holder = parties.NameOf(s.Holder);
        var reopenable = next.Kind == NextStepKind.CustomerMayReopen || s.Status == ComplaintStatus.ResolutionProposed;
        var can = new CustomerActions(
            Answer: s.Status == ComplaintStatus.AwaitingInformation,
            ConfirmFix: s.Status is ComplaintStatus.ResolutionProposed or ComplaintStatus.Resolved && s.Milestones[^1].Kind != MilestoneKind.FixConfirmed,
            ReportStillBroken: reopenable,
            Rate: s.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed);
        return new StatusPageView(
            s.Product, s.Status, Text.Get($"Status_{s.Status}"), Text.Format("HandledBy", holder), s.FiledAt,
            s.EscalatedAt is null ? null : Text.Format("Escalated", parties.NameOf(Party.StoreId)),
            NextStepText(next, holder, now), next.By, s.OpenQuestion, s.ProposedFix, s.Rating, can,
            [.. s.Milestones.Select(m => new MilestoneView(m.Kind, m.At, MilestoneText(m, parties)))], s.Version);
    }

    private static string NextStepText(NextStep next, string holder, DateTimeOffset now)
    {
        var by = next.By is { } due ? Text.Date(due) : null;
        var text = next.Kind switch
        {
            NextStepKind.HolderPicksUp => by is null ? Text.Format("Next_HolderPicksUp", holder) : Text.Format("Next_HolderPicksUpBy", holder, by),
            NextStepKind.HolderFixes => by is null ? Text.Format("Next_HolderFixes", holder) : Text.Format("Next_HolderFixesBy", holder, by),
            NextStepKind.CustomerAnswers => Text.Format("Next_CustomerAnswers", holder),
            NextStepKind.HolderWaitsOnThirdParty => Text.Format("Next_HolderWaitsOnThirdParty", holder),
            NextStepKind.CustomerTriesFix => Text.Get("Next_CustomerTriesFix"),
            NextStepKind.CustomerMayReopen => by is null ? Text.Get("Next_CustomerMayReopen") : Text.Format("Next_CustomerMayReopenUntil", by),
            _ => Text.Get("Next_Finished"),
        };
        var overdue = next.Kind is NextStepKind.HolderPicksUp or NextStepKind.HolderFixes && next.By < now;
        return overdue ? $"{text} {Text.Get("Next_Overdue")}" : text;
    }

    private static string MilestoneText(Milestone m, PartyDirectory parties)
    {
        var who = m.Party is null ? parties.NameOf(Party.StoreId) : parties.NameOf(m.Party);
        return m.Kind switch
        {
            MilestoneKind.InformationRequested or MilestoneKind.FixProposed => Text.Format($"Milestone_{m.Kind}", who, m.Text),
            MilestoneKind.Rated => Text.Format("Milestone_Rated", m.Stars),
            _ => Text.Format($"Milestone_{m.Kind}", who),
        };
    }
}
