using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Imports;

/// <summary>
/// Turns one case's updates, in time order, into the complaint events they stand for: the first party to hold
/// it is an assignment, every later change of party a handoff, and the status words of common ticket systems
/// become acknowledgements, requests for information, resolutions, closures and reopenings.
/// </summary>
public static class HistoryTranslator
{
    public static IReadOnlyList<IComplaintEvent> Translate(Guid complaintId, string source, IReadOnlyList<HistoryRow> rows)
    {
        var first = rows[0];
        var vendor = rows.FirstOrDefault(r => r.Party is not null)?.Party ?? Party.StoreId;
        var events = new List<IComplaintEvent>();
        var state = Append(null, events, new ComplaintFiled(complaintId, first.CaseId, first.Product ?? "unknown", vendor,
            first.Category ?? "imported", $"Imported from {source}, case {first.CaseId}.", Channel.Other, Party.StoreId, first.At,
            first.Severity ?? Severity.Medium));
        var assigned = false;
        foreach (var row in rows)
        {
            var status = Normalise(row.Status);
            if (state.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed && status is not (null or "resolved" or "closed"))
                state = Append(state, events, new ComplaintReopened(Party.StoreId, $"Status became \"{row.Status}\".", row.At));
            if (row.Party is { } party && party != state.Holder && state.Status != ComplaintStatus.Closed)
            {
                state = Append(state, events, assigned || state.HandoffCount > 0
                    ? new ComplaintHandedOff(state.Holder, party, HandoffReason.Other, HandoffNote(row), [], row.At)
                    : new ComplaintAssigned(party, Party.StoreId, row.At));
                assigned = true;
            }
            state = ApplyStatus(state, events, status, row);
        }
        return events;
    }

    private static Complaint ApplyStatus(Complaint state, List<IComplaintEvent> events, string? status, HistoryRow row) => status switch
    {
        "active" or "in progress" or "work in progress" when state.Status == ComplaintStatus.Open =>
            Append(state, events, new ComplaintAcknowledged(state.Holder, row.At)),
        "active" or "in progress" or "work in progress" when state.Status == ComplaintStatus.AwaitingInformation =>
            Append(state, events, new InformationProvided(Party.StoreId, "Answered in the source system.", row.At)),
        "awaiting user info" or "awaiting customer" or "pending customer" when state.Status != ComplaintStatus.AwaitingInformation =>
            Append(state, events, new InformationRequested(state.Holder, $"{row.Status} (from the source system).", row.At)),
        "resolved" when state.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed) =>
            Append(state, events, Resolution(state, row)),
        "closed" when state.Status != ComplaintStatus.Closed =>
            Append(state.Status == ComplaintStatus.Resolved ? state : Append(state, events, Resolution(state, row)), events,
                new ComplaintClosed(Party.StoreId, row.At)),
        _ => state,
    };

    private static string? HandoffNote(HistoryRow row) => row.Person switch
    {
        null => null,
        var person when row.PersonIsSender => $"Handed off by {person}.",
        var person => $"Assigned to {person}.",
    };

    private static ComplaintResolved Resolution(Complaint state, HistoryRow row) =>
        new(state.Holder, RootCause.Unknown, state.Holder, "Resolved in the source system.", row.At);

    private static string? Normalise(string? status) => status?.Trim().ToLowerInvariant();

    private static Complaint Append(Complaint? state, List<IComplaintEvent> events, IComplaintEvent e)
    {
        events.Add(e);
        return Complaint.Evolve(state, e)!;
    }
}
