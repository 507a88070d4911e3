using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Deadlines;

/// <summary>
/// A holder's deadline waiting to be judged, written in the same transaction as the event that started the hold.
/// Kept outside tenants so one query finds every tenant's due deadlines.
/// </summary>
public sealed record ScheduledDeadline(
    string Id,
    string TenantId,
    Guid ComplaintId,
    DeadlineKind Kind,
    string Holder,
    long HoldStartVersion,
    DateTimeOffset DueAt)
{
    public Deadline ToDeadline() => new(Kind, Holder, HoldStartVersion, DueAt);

    /// <summary>Schedules the deadlines of a hold that this write started, those due after <paramref name="notBefore"/>; a later hold replaces them.</summary>
    public static void ScheduleNewHold(IDocumentSession session, Complaint? before, Complaint after, Policy policy, PartyDirectory parties,
        DateTimeOffset? notBefore = null)
    {
        if (before?.HoldStartVersion == after.HoldStartVersion)
            return;
        foreach (var d in StalledHolderRule.DeadlinesOf(after, policy, parties).Where(d => notBefore is null || d.DueAt > notBefore))
            session.Store(new ScheduledDeadline($"{session.TenantId}:{after.Id}:{d.Kind}", session.TenantId, after.Id, d.Kind, d.Holder, d.HoldStartVersion, d.DueAt));
    }
}
