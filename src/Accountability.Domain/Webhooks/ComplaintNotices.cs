using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Webhooks;

/// <summary>What a party is told of, by webhook (each maps to one webhook type).</summary>
public enum NoticeKind
{
    Assigned,
    Flagged,
    Escalated,
    Reopened,
    Closed,
    CustomerResponded,
    AccountabilityChanged,
    FixProposed,
    ProblemOpened,
    ProblemOwnerAssigned,
    ProblemRootCauseRecorded,
    ProblemResolved,
    ChargeCreated,
    ChargeReversed,
    EvidenceRequested,
    EvidenceDeadlineMissed,
    AppealOpened,
    AppealDecided,
}

/// <summary>One party told of one event, as one kind of notice.</summary>
public sealed record Notice(NoticeKind Kind, string Recipient);

/// <summary>Who is told of a complaint's event, and why; pure, so each recipient rule is tested without a receiver.</summary>
public static class ComplaintNotices
{
    /// <summary>
    /// The notices of one event, each (kind, party) once: the event's own (the party receiving the complaint, or its
    /// holder), a flag also to the parties it charges and to the store, and <see cref="NoticeKind.AccountabilityChanged"/>
    /// to each party that answers for the complaint after the event and did not before, whatever the event.
    /// </summary>
    public static IReadOnlyList<Notice> Of(Complaint? before, IComplaintEvent e, Complaint after)
    {
        IEnumerable<Notice> own = e switch
        {
            ComplaintAssigned a => [new(NoticeKind.Assigned, a.To)],
            ComplaintHandedOff h => [new(NoticeKind.Assigned, h.To)],
            FlagRaised f => ToChargedAndStore(NoticeKind.Flagged, after, f.Charged),
            ComplaintEscalated x => ToChargedAndStore(NoticeKind.Escalated, after, after.Flags.LastOrDefault(f => f.Rule == x.Rule)?.Charged),
            ComplaintReopened => [new(NoticeKind.Reopened, after.Holder)],
            ComplaintClosed or ComplaintCancelled => [new(NoticeKind.Closed, after.Holder)],
            InformationProvided or ResolutionConfirmed or ResolutionRejected => [new(NoticeKind.CustomerResponded, after.Holder)],
            ResolutionProposed p when p.By == Party.StoreId => [new(NoticeKind.FixProposed, after.Holder), new(NoticeKind.FixProposed, Party.StoreId)],
            ChargeCreated c => [new(NoticeKind.ChargeCreated, c.Party), new(NoticeKind.ChargeCreated, Party.StoreId)],
            ChargeReversed r when after.Charges.Find(c => c.Id == r.ChargeId) is { } charge =>
                [new(NoticeKind.ChargeReversed, charge.Party), new(NoticeKind.ChargeReversed, Party.StoreId)],
            ChargeAppealed => [new(NoticeKind.AppealOpened, Party.StoreId)],
            AppealDecided d when after.Charges.Find(c => c.Id == d.ChargeId)?.Appeal is not null =>
                [new(NoticeKind.AppealDecided, after.Charges.Find(c => c.Id == d.ChargeId)!.Party), new(NoticeKind.AppealDecided, Party.StoreId)],
            EvidenceRequested r => [new(NoticeKind.EvidenceRequested, r.Party), new(NoticeKind.EvidenceRequested, Party.StoreId)],
            EvidenceDeadlineMissed m => [new(NoticeKind.EvidenceDeadlineMissed, m.Party), new(NoticeKind.EvidenceDeadlineMissed, Party.StoreId)],
            _ => [],
        };
        var newlyAccountable = Accountable(after).Except(Accountable(before)).Select(p => new Notice(NoticeKind.AccountabilityChanged, p));
        return [.. own.Concat(newlyAccountable).Distinct()];
    }

    /// <summary>Who answers for the complaint: its holder and, once escalated, the store; nobody once it has ended.</summary>
    public static IReadOnlyList<string> Accountable(Complaint? complaint) =>
        complaint is null || complaint.HasEnded ? [] : [.. new[] { complaint.Holder, complaint.AccountableParty() }.Distinct()];

    /// <summary>
    /// Why, in a sentence the event carries: a flag's sentence, an escalation's or a reopening's reason, a handoff's reason
    /// and note. An event that carries none (an assignment, a move the rules made) takes the sentence of the last flag raised
    /// in the same write before it, which is what the rules judged.
    /// </summary>
    public static string? Reason(IComplaintEvent e, IEnumerable<IComplaintEvent> earlierInWrite) => e switch
    {
        FlagRaised f => f.Sentence,
        ComplaintEscalated x => x.Reason,
        ComplaintHandedOff h => h.Note is { Length: > 0 } note ? $"{h.Reason}: {note}" : h.Reason.ToString(),
        ComplaintAssigned { Reason: { } reason } a => a.Note is { Length: > 0 } note ? $"{reason}: {note}" : reason.ToString(),
        ComplaintTakenOver { Cause: TakeOverCause.AcknowledgementMissed } t => $"{t.From} did not acknowledge the complaint in time, so the policy moved it to {t.To}.",
        ComplaintTakenOver { Cause: TakeOverCause.CustomerAsked } t => $"The customer asked the store to step in, so the policy moved the complaint from {t.From} to {t.To}.",
        ComplaintReopened r => r.Reason,
        ComplaintCancelled c => c.Reason,
        ResolutionProposed p => p.Summary,
        ResolutionRejected { Comment: { } comment } => comment,
        ChargeReversed r => r.Reason,
        ChargeAppealed a => a.Statement,
        AppealDecided d => d.Reason,
        ChargeCreated { Cause: Liability.ChargeCause.Remedy } => earlierInWrite.OfType<ComplaintResolved>().LastOrDefault()?.Remedy,
        ChargeCreated => earlierInWrite.OfType<ChargeReversed>().LastOrDefault()?.Reason,
        EvidenceRequested r => $"{r.Reason} (needed by {Rules.Wording.Time(r.Due)}: {r.Needed})",
        EvidenceDeadlineMissed m => $"The evidence asked of {m.Party} was due by {Rules.Wording.Time(m.Due)} and did not come.",
        _ => earlierInWrite.OfType<FlagRaised>().LastOrDefault()?.Sentence,
    };

    /// <summary>The holder's next deadline still owed (first response while unacknowledged, then resolution); none while its clock is paused or stopped.</summary>
    public static Deadline? NextStepDue(Complaint complaint, Policy policy, PartyDirectory parties) =>
        StalledHolderRule.DeadlinesOf(complaint, policy, parties).Where(d => StalledHolderRule.StillOwed(complaint, d)).MinBy(d => d.DueAt);

    private static IEnumerable<Notice> ToChargedAndStore(NoticeKind kind, Complaint after, IReadOnlyList<string>? charged) =>
        new[] { after.Holder }.Concat(charged ?? []).Append(Party.StoreId).Where(p => p != Party.CustomerId).Select(p => new Notice(kind, p));
}
