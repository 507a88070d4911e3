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
    /// Schedules the deadlines of a hold whose clock this write started (a new hold, or the end of a wait), with a
    /// warning before each, those due after <paramref name="notBefore"/>; a later start replaces them. A deadline left
    /// behind by a pause is judged as the complaint stands when it falls due, and so flags nothing.
    /// </summary>
    public static void ScheduleNewHold(IDocumentSession session, Complaint? before, Complaint after, Policy policy, PartyDirectory parties,
        DateTimeOffset? notBefore = null)
    {
        if (before?.HoldStartVersion == after.HoldStartVersion && before.Clock.IsRunning == after.Clock.IsRunning)
            return;
        foreach (var d in StalledHolderRule.DeadlinesOf(after, policy, parties).Where(d => notBefore is null || d.DueAt > notBefore))
        {
            var id = $"{session.TenantId}:{after.Id}:{d.Kind}";
            // The warning goes out when the clock has run that share of the holder's time; a resumed clock past it warned already.
            var warnAt = after.Clock.Since + (after.Clock.RunTime(d.DueAt) * WarningAt - after.Clock.RunInHold);
            session.Store(new ScheduledDeadline(id, session.TenantId, after.Id, d.Kind, d.Holder, d.HoldStartVersion, d.DueAt));
            if (warnAt >= after.Clock.Since && (notBefore is null || warnAt > notBefore))
                session.Store(new ScheduledDeadline($"{id}:warning", session.TenantId, after.Id, d.Kind, d.Holder, d.HoldStartVersion, warnAt, d.DueAt));
        }
    }
}
