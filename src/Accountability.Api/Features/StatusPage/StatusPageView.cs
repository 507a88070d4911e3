using System.Text.Json.Serialization;
using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Text = Accountability.Api.Features.StatusPage.StatusText;

namespace Accountability.Api.Features.StatusPage;

/// <summary>A step in the complaint's story as the customer sees it.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Text">The step in a sentence for the customer, naming who took it.</param>
public sealed record MilestoneView(MilestoneKind Kind, DateTimeOffset At, string Text);

/// <summary>Which of the customer's actions the page offers now.</summary>
/// <param name="Answer">Whether the customer can answer a question: the complaint awaits information from them.</param>
/// <param name="ConfirmFix">Whether the customer can confirm the fix: a fix was proposed or the complaint resolved, and not confirmed since.</param>
/// <param name="ReportStillBroken">Whether the customer can say it is still broken: a fix is proposed, the complaint is resolved, or it was closed less than the reopen window ago.</param>
/// <param name="Rate">Whether the customer can rate the handling: the complaint is resolved or closed.</param>
/// <param name="AskStoreToStepIn">Once the complaint was flagged in this episode (it bounced, or a deadline passed), while another party holds it, once per episode.</param>
public sealed record CustomerActions(bool Answer, bool ConfirmFix, bool ReportStillBroken, bool Rate, bool AskStoreToStepIn);

/// <summary>
/// The status page in the customer's words: the HTML page renders it, and the JSON view is it. Only what the
/// customer may see: no internal notes, reasons, evidence, flags or references.
/// </summary>
/// <param name="Product">The product or listing the complaint is about.</param>
/// <param name="StatusText">The status in a phrase for the customer.</param>
/// <param name="HandledBy">Who handles it now, in a sentence naming the holder.</param>
/// <param name="FiledAt">When the complaint was filed.</param>
/// <param name="Escalation">Once the rules escalated it, a sentence saying the store answers for it now; null otherwise.</param>
/// <param name="YouSaid">What the customer last told us, said back to them, while nobody has acted on it since; null otherwise.</param>
/// <param name="NextStep">What happens next and who does it, in a sentence (with the date it is due, and whether it is overdue).</param>
/// <param name="NextStepBy">When the next step is due: the holder's deadline, or the end of the window to reopen; null when none applies.</param>
/// <param name="Question">The holder's question awaiting the customer's answer; null when none is open.</param>
/// <param name="ProposedFix">The fix proposed and not yet rejected; null when none.</param>
/// <param name="Rating">The customer's rating, 1 to 5 stars; null until they rate.</param>
/// <param name="Can">Which of the customer's actions the page offers now.</param>
/// <param name="Timeline">The complaint's steps, oldest first.</param>
/// <param name="Version">The complaint's version.</param>
public sealed record StatusPageView(
    string Product,
    ComplaintStatus Status,
    string StatusText,
    string HandledBy,
    DateTimeOffset FiledAt,
    string? Escalation,
    string? YouSaid,
    string NextStep,
    DateTimeOffset? NextStepBy,
    string? Question,
    string? ProposedFix,
    int? Rating,
    CustomerActions Can,
    IReadOnlyList<MilestoneView> Timeline,
    long Version)
{
    /// <summary>The store's name, for the step-in form.</summary>
    [JsonIgnore]
    public string Store { get; init; } = "";

    /// <summary>Whether the policy has the store take the complaint over when the customer asks it to step in.</summary>
    [JsonIgnore]
    public bool StoreTakesOver { get; init; }

    public static StatusPageView Of(CustomerStatus s, PartyDirectory parties, Policy policy, TimeSpan reopenWindow, DateTimeOffset now)
    {
        var next = Domain.Customers.NextStep.Of(s, parties.Find(s.Holder)?.Kind, policy, reopenWindow, now);
        var holder = parties.NameOf(s.Holder);
        var store = parties.NameOf(Party.StoreId);
        var reopenable = next.Kind == NextStepKind.CustomerMayReopen || s.Status == ComplaintStatus.ResolutionProposed;
        var can = new CustomerActions(
            Answer: s.Status == ComplaintStatus.AwaitingInformation,
            ConfirmFix: s.Status is ComplaintStatus.ResolutionProposed or ComplaintStatus.Resolved && s.Milestones[^1].Kind != MilestoneKind.FixConfirmed,
            ReportStillBroken: reopenable,
            Rate: s.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed,
            AskStoreToStepIn: s.StepInStanding() == StepInStanding.Open);
        var nextStep = NextStepText(next, holder, now);
        return new StatusPageView(
            s.Product, s.Status, Text.Get($"Status_{s.Status}"), Text.Format("HandledBy", holder), s.FiledAt,
            EscalationText(s, parties), YouSaidText(Domain.Customers.NextStep.YouSaid(s), holder, store),
            can.AskStoreToStepIn ? $"{nextStep} {Text.Format("Next_StepInOffered", store)}" : nextStep,
            next.By, s.OpenQuestion, s.ProposedFix, s.Rating, can,
            [.. s.Milestones.Select(m => new MilestoneView(m.Kind, m.At, MilestoneText(m, parties)))], s.Version)
        {
            Store = store,
            StoreTakesOver = policy.StepInRequest.StoreTakesOver,
        };
    }

    /// <summary>
    /// Who answers for it once escalated, in one story with who holds it: the store holding it took it over from those
    /// named (or escalated it within its own team when nobody else ever had it); a vendor still holding it works under
    /// the store's watch.
    /// </summary>
    private static string? EscalationText(CustomerStatus s, PartyDirectory parties)
    {
        if (s.EscalatedAt is null)
            return null;
        var store = parties.NameOf(Party.StoreId);
        if (s.Holder != Party.StoreId)
            return Text.Format("Escalated_Overseeing", store, parties.NameOf(s.Holder));
        var others = s.Involved.Where(p => p != Party.StoreId).Select(parties.NameOf).ToList();
        return others.Count == 0 ? Text.Format("Escalated_OwnTeam", store) : Text.Format("Escalated", store, Wording.List(others));
    }

    /// <summary>What the customer last told us, said back to them, while nobody has acted on it since.</summary>
    private static string? YouSaidText(Milestone? said, string holder, string store) => said is null ? null
        : Text.Find($"YouSaid_{said.Kind}") is { } text ? string.Format(System.Globalization.CultureInfo.CurrentUICulture, text, Text.Date(said.At), holder, said.Stars, store)
        : null;

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
            NextStepKind.HolderResolves => Text.Format("Next_HolderResolves", holder),
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
            MilestoneKind.StepInAsked => Text.Format("Milestone_StepInAsked", parties.NameOf(Party.StoreId)),
            MilestoneKind.TakenOver => Text.Format("Milestone_TakenOver", who, parties.NameOf(m.From ?? Party.StoreId)),
            _ => Text.Format($"Milestone_{m.Kind}", who),
        };
    }
}
