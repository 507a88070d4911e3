using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Imports;

/// <summary>
/// Turns one case's updates, in time order, into the complaint events they stand for: the first party to hold
/// it is an assignment, every later change of party a handoff, and each status word means what the mapping's
/// <see cref="StatusMap"/> says: an acknowledgement, a wait on the customer or a third party and its end, a
/// resolution, a closure, a cancellation or a reopening. A word the map does not know changes nothing.
/// </summary>
public static class HistoryTranslator
{
    public static IReadOnlyList<IComplaintEvent> Translate(Guid complaintId, string source, IReadOnlyList<HistoryRow> rows, StatusMap? statuses = null)
    {
        var map = statuses ?? StatusMap.Default;
        var first = rows[0];
        var vendor = rows.FirstOrDefault(r => r.Party is not null)?.Party ?? Party.StoreId;
        var events = new List<IComplaintEvent>();
        var filed = new ComplaintFiled(complaintId, first.CaseId, first.Product ?? "unknown", vendor,
            first.Category ?? "imported", $"Imported from {source}, case {first.CaseId}.", Channel.Other, Party.StoreId, first.At,
            first.Severity ?? Severity.Medium, Claim: rows.FirstOrDefault(r => r.Claim is not null)?.Claim?.Normalized());
        events.Add(filed);
        return Continue(new Case(filed.By, ComplaintStatus.Open, HandoffCount: 0), assigned: false, rows, map, events);
    }

    /// <summary>The events that later rows of a case already imported stand for, after the complaint's state.</summary>
    /// <param name="assigned">Whether the complaint was ever assigned or handed off: a change of party is a handoff then.</param>
    public static IReadOnlyList<IComplaintEvent> Translate(Complaint state, bool assigned, IReadOnlyList<HistoryRow> rows, StatusMap? statuses = null) =>
        Continue(new Case(state.Holder, state.Status, state.HandoffCount), assigned, rows, statuses ?? StatusMap.Default, []);

    /// <summary>
    /// What translating reads of the complaint so far, folded here: the whole <see cref="Complaint"/> is folded once,
    /// while the rules judge the events, and folding it here as well was a third of an import's work.
    /// </summary>
    private readonly record struct Case(string Holder, ComplaintStatus Status, int HandoffCount)
    {
        public bool HasEnded => Status is ComplaintStatus.Closed or ComplaintStatus.Cancelled;

        public Case Evolve(IComplaintEvent e) => e switch
        {
            ComplaintHandedOff h => new(h.To, ComplaintStatus.Open, HandoffCount + 1),
            ComplaintAssigned a => new(a.To, ComplaintStatus.Open, HandoffCount),
            _ => this with { Status = Complaint.StatusAfter(e) ?? Status },
        };
    }

    private static List<IComplaintEvent> Continue(Case state, bool assigned, IReadOnlyList<HistoryRow> rows, StatusMap map, List<IComplaintEvent> events)
    {
        foreach (var row in rows)
        {
            var meaning = map.MeaningOf(row.Status);
            if (Finished(state) && meaning is not (null or StatusMeaning.Resolved or StatusMeaning.Closed or StatusMeaning.Cancelled))
                state = Append(state, events, new ComplaintReopened(Party.StoreId, $"Status became \"{row.Status}\".", row.At));
            if (row.Party is { } party && party != state.Holder && !state.HasEnded)
            {
                state = Append(state, events, assigned || state.HandoffCount > 0
                    ? new ComplaintHandedOff(state.Holder, party, HandoffReason.Other, HandoffNote(row), [], row.At)
                    : new ComplaintAssigned(party, Party.StoreId, row.At));
                assigned = true;
            }
            state = ApplyStatus(state, events, meaning, row);
        }
        return events;
    }

    private static bool Finished(Case state) => state.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed or ComplaintStatus.Cancelled;

    private static Case ApplyStatus(Case state, List<IComplaintEvent> events, StatusMeaning? meaning, HistoryRow row) => (meaning, state.Status) switch
    {
        (StatusMeaning.Acknowledged or StatusMeaning.InProgress, ComplaintStatus.Open) =>
            Append(state, events, new ComplaintAcknowledged(state.Holder, row.At)),
        (StatusMeaning.Acknowledged or StatusMeaning.InProgress, ComplaintStatus.AwaitingInformation) =>
            Append(state, events, new InformationProvided(Party.StoreId, "Answered in the source system.", row.At)),
        (StatusMeaning.Acknowledged or StatusMeaning.InProgress, ComplaintStatus.AwaitingThirdParty) =>
            Append(state, events, new ThirdPartyResponded(state.Holder, "Answered in the source system.", row.At)),
        (StatusMeaning.WaitingOnCustomer, not ComplaintStatus.AwaitingInformation) =>
            Append(state, events, new InformationRequested(state.Holder, $"{row.Status} (from the source system).", row.At)),
        (StatusMeaning.WaitingOnThirdParty, not ComplaintStatus.AwaitingThirdParty) =>
            Append(state, events, new ThirdPartyWaitStarted(state.Holder, $"{row.Status} (from the source system)", null, row.At)),
        (StatusMeaning.Resolved, _) when !Finished(state) => Append(state, events, Resolution(state, row)),
        (StatusMeaning.Closed, ComplaintStatus.Resolved) => Append(state, events, new ComplaintClosed(Party.StoreId, row.At)),
        (StatusMeaning.Closed, _) when !Finished(state) =>
            Append(Append(state, events, Resolution(state, row)), events, new ComplaintClosed(Party.StoreId, row.At)),
        (StatusMeaning.Cancelled, _) when !Finished(state) =>
            Append(state, events, new ComplaintCancelled(Party.StoreId, $"{row.Status} in the source system.", row.At)),
        _ => state,
    };

    private static string? HandoffNote(HistoryRow row) => row.Person switch
    {
        null => null,
        var person when row.PersonIsSender => $"Handed off by {person}.",
        var person => $"Assigned to {person}.",
    };

    private static ComplaintResolved Resolution(Case state, HistoryRow row) =>
        new(state.Holder, RootCause.Unknown, state.Holder, "Resolved in the source system.", row.At);

    private static Case Append(Case state, List<IComplaintEvent> events, IComplaintEvent e)
    {
        events.Add(e);
        return state.Evolve(e);
    }
}
