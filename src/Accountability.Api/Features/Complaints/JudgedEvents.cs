using Accountability.Api.Problems;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Complaints;

/// <summary>A decision's events followed by the flags and escalation they raise, and the complaint as they all leave it.</summary>
public sealed record JudgedEvents(IReadOnlyList<IComplaintEvent> Events, Complaint After)
{
    public static JudgedEvents Of(Complaint? before, Decision decision, Policy policy, PartyDirectory parties)
    {
        if (decision.Refusal is { } refusal)
            throw new ProblemException(ProblemKind.For(refusal.Code), refusal.Detail);
        IReadOnlyList<IComplaintEvent> events = [.. decision.Events, .. RuleEngine.Judge(before, decision.Events, policy, parties)];
        return new JudgedEvents(events, events.Aggregate(before, (state, e) => Complaint.Evolve(state, e))!);
    }
}
