using Accountability.Domain.Parties;
using Accountability.Domain.RecurringProblems;

namespace Accountability.Domain.Webhooks;

/// <summary>Who is told of a recurring problem's event: the store always, the owner once there is one, each party once.</summary>
public static class ProblemNotices
{
    /// <summary>
    /// Opened: the store (a problem has no owner yet). Owner assigned: the new owner, the store, and an owner it was taken
    /// from. Root cause recorded and resolved: the owner and the store. Links change nothing anyone must act on.
    /// </summary>
    public static IReadOnlyList<Notice> Of(RecurringProblem? before, IProblemEvent e, RecurringProblem after)
    {
        (NoticeKind Kind, string?[] Parties)? notice = e switch
        {
            ProblemOpened => (NoticeKind.ProblemOpened, [Party.StoreId]),
            ProblemOwnerAssigned o => (NoticeKind.ProblemOwnerAssigned, [o.Owner, Party.StoreId, before?.Owner]),
            RootCauseRecorded => (NoticeKind.ProblemRootCauseRecorded, [after.Owner, Party.StoreId]),
            ProblemResolved => (NoticeKind.ProblemResolved, [after.Owner, Party.StoreId]),
            _ => null,
        };
        return notice is { } n ? [.. n.Parties.OfType<string>().Distinct().Select(p => new Notice(n.Kind, p))] : [];
    }

    /// <summary>Why, in the words the event carries.</summary>
    public static string? Reason(IProblemEvent e) => e switch
    {
        ProblemOpened o => o.Summary,
        RootCauseRecorded r => r.Explanation,
        ProblemResolved r => r.Fix,
        _ => null,
    };
}
