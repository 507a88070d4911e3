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
    DateTimeOffset DueAt,
    DateTimeOffset? WarnsOf = null)
{
    /// <summary>A warning falls due before the deadline it warns of (<see cref="WarnsOf"/>): it tells the holder, and flags nothing.</summary>
    public bool IsWarning => WarnsOf is not null;

    public Deadline ToDeadline() => new(Kind, Holder, HoldStartVersion, WarnsOf ?? DueAt);

    /// <summary>How far into a holder's time the "deadline approaching" warning goes out.</summary>
    public const double WarningAt = 0.8;

    /// <summary>
    /// Schedules the deadlines of a hold that this write started, with a warning before each, those due after
    /// <paramref name="notBefore"/>; a later hold replaces them.
    /// </summary>
    public static void ScheduleNewHold(IDocumentSession session, Complaint? before, Complaint after, Policy policy, PartyDirectory parties,
        DateTimeOffset? notBefore = null)
    {
        if (before?.HoldStartVersion == after.HoldStartVersion)
            return;
        foreach (var d in StalledHolderRule.DeadlinesOf(after, policy, parties).Where(d => notBefore is null || d.DueAt > notBefore))
        {
            var id = $"{session.TenantId}:{after.Id}:{d.Kind}";
            var warnAt = after.HeldSince + (d.DueAt - after.HeldSince) * WarningAt;
            session.Store(new ScheduledDeadline(id, session.TenantId, after.Id, d.Kind, d.Holder, d.HoldStartVersion, d.DueAt));
            if (notBefore is null || warnAt > notBefore)
                session.Store(new ScheduledDeadline($"{id}:warning", session.TenantId, after.Id, d.Kind, d.Holder, d.HoldStartVersion, warnAt, d.DueAt));
        }
    }
}
