using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Times;

namespace Accountability.Domain.Rules;

public enum DeadlineKind
{
    FirstResponse,
    Resolution,
}

/// <summary>When the current holder must have acknowledged (first response) or resolved the complaint.</summary>
public sealed record Deadline(DeadlineKind Kind, string Holder, long HoldStartVersion, DateTimeOffset DueAt);

/// <summary>
/// The holder sat on the complaint past its deadline. Time, not an event, triggers it: the service schedules the
/// deadlines of each hold and judges them when they fall due, whether or not anyone touched the complaint.
/// </summary>
public sealed class StalledHolderRule : IRule
{
    public string Id => RuleIds.StalledHolder;

    public IRuleSettings SettingsIn(Policy policy) => policy.StalledHolder;

    public Finding? Judge(Complaint before, IComplaintEvent e, Complaint after, Policy policy, PartyDirectory parties) => null;

    /// <summary>The deadlines of the current hold; none once the complaint is resolved or closed.</summary>
    public static IReadOnlyList<Deadline> DeadlinesOf(Complaint complaint, Policy policy, PartyDirectory parties)
    {
        var row = policy.DeadlinesFor(complaint.Severity, parties.Find(complaint.Holder)?.Kind);
        if (row is null || complaint.Status is ComplaintStatus.Resolved or ComplaintStatus.Closed)
            return [];
        return
        [
            new Deadline(DeadlineKind.FirstResponse, complaint.Holder, complaint.HoldStartVersion, DueTime.After(complaint.HeldSince, row.FirstResponseHours)),
            new Deadline(DeadlineKind.Resolution, complaint.Holder, complaint.HoldStartVersion, DueTime.After(complaint.HeldSince, row.ResolutionHours)),
        ];
    }

    /// <summary>Whether the holder the deadline binds still holds the complaint and has not yet done what it has to.</summary>
    public static bool StillOwed(Complaint complaint, Deadline deadline) =>
        complaint.HoldStartVersion == deadline.HoldStartVersion && complaint.Holder == deadline.Holder
        && (deadline.Kind == DeadlineKind.FirstResponse
            ? complaint.Status == ComplaintStatus.Open
            : complaint.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed));

    /// <summary>Whether the deadline, now due, was missed: the same hold is still on and the holder has not done what it had to.</summary>
    public static Finding? JudgeDeadline(Complaint complaint, Deadline deadline, PartyDirectory parties, DateTimeOffset now)
    {
        if (now < deadline.DueAt || !StillOwed(complaint, deadline))
            return null;
        var what = deadline.Kind == DeadlineKind.FirstResponse ? "acknowledged" : "resolved";
        return new Finding([deadline.HoldStartVersion],
            $"{parties.NameOf(deadline.Holder)} has not {what} the complaint within {Wording.Describe(deadline.DueAt - complaint.HeldSince)} of receiving it.");
    }
}
