using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Domain.Customers;

public enum NextStepKind
{
    HolderPicksUp,
    HolderFixes,
    CustomerAnswers,
    HolderWaitsOnThirdParty,
    CustomerTriesFix,
    HolderResolves,
    CustomerMayReopen,
    Finished,
}

/// <param name="Party">Who acts next (the holder), as a party id.</param>
/// <param name="By">When by: the holder's deadline under the policy, or the end of the reopen window; null when none applies.</param>
public sealed record NextStep(NextStepKind Kind, string Party, DateTimeOffset? By)
{

    /// <summary>What happens next, and by when, as the policy in force and the reopen window say.</summary>
    public static NextStep Of(CustomerStatus status, PartyKind? holderKind, Policy policy, TimeSpan reopenWindow, DateTimeOffset now)
    {
        var deadlines = policy.DeadlinesFor(status.Severity, holderKind);
        return Next(status, deadlines, reopenWindow, now);
    }

    private static NextStep Next(CustomerStatus status, DeadlineRow? deadlines, TimeSpan reopenWindow, DateTimeOffset now) =>
        status.Status switch
        {
            ComplaintStatus.Open => new(NextStepKind.HolderPicksUp, status.Holder, DueAfter(status, deadlines?.FirstResponseHours)),
            ComplaintStatus.InProgress => new(NextStepKind.HolderFixes, status.Holder, DueAfter(status, deadlines?.ResolutionHours)),
            ComplaintStatus.AwaitingInformation => new(NextStepKind.CustomerAnswers, status.Holder, null),
            ComplaintStatus.AwaitingThirdParty => new(NextStepKind.HolderWaitsOnThirdParty, status.Holder, null),
            ComplaintStatus.Cancelled => new(NextStepKind.Finished, status.Holder, null),
            ComplaintStatus.ResolutionProposed when status.FixConfirmed => new(NextStepKind.HolderResolves, status.Holder, null),
            ComplaintStatus.ResolutionProposed => new(NextStepKind.CustomerTriesFix, status.Holder, null),
            ComplaintStatus.Closed when status.ClosedAt is { } closed && closed + reopenWindow < now => new(NextStepKind.Finished, status.Holder, null),
            _ => new(NextStepKind.CustomerMayReopen, status.Holder, status.ClosedAt + reopenWindow),
        };

    /// <summary>
    /// What the customer last told us, unless a party has acted since (what the rules and the policy did in answer, an
    /// escalation or a takeover, does not count): the page says it was heard.
    /// </summary>
    public static Milestone? YouSaid(CustomerStatus status)
    {
        for (var i = status.Milestones.Count - 1; i >= 0; i--)
        {
            var m = status.Milestones[i];
            if (m.ByCustomer)
                return m;
            if (m.Kind is not (MilestoneKind.Escalated or MilestoneKind.TakenOver))
                return null;
        }
        return null;
    }

    /// <summary>When the holder's clock reaches the deadline: the same clock the stalled-holder rule reads.</summary>
    private static DateTimeOffset? DueAfter(CustomerStatus status, double? hours) => hours is { } h ? status.Clock.DueAt(h) : null;
}
