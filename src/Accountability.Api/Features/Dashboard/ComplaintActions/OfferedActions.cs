using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;

namespace Accountability.Api.Features.Dashboard.ComplaintActions;

/// <summary>
/// The actions the complaint page offers the operator: each one the domain would accept now. The decider itself is
/// asked (with stand-in texts), so the page never offers what the write would refuse, nor hides what it would accept.
/// </summary>
/// <param name="AssignTo">The parties the complaint can be given to; empty when assigning is not allowed now.</param>
/// <param name="Parties">Every party that can hold a complaint, for naming the liable one.</param>
public sealed record OfferedActions(
    IReadOnlyList<Party> AssignTo, IReadOnlyList<Party> Parties, bool TakeOver, bool RequestInformation, bool ProposeFix, bool Resolve, bool Close, bool Reopen)
{
    private const string StandIn = "?";

    public bool Any => AssignTo.Count > 0 || TakeOver || RequestInformation || ProposeFix || Resolve || Close || Reopen;

    public static OfferedActions For(Complaint state, IReadOnlyList<Party> parties, Actor actor, DateTimeOffset now, TimeSpan reopenWindow)
    {
        var directory = new PartyDirectory(parties);
        // Policy only matters to the rules' judgement of the events, not to whether a command is accepted.
        var context = new DecisionContext(actor, directory, Policy.Default, now, reopenWindow);
        bool Allows(IComplaintCommand command) => ComplaintDecider.Decide(state, command, context).Refusal is null;
        var holders = parties.Where(p => directory.CanHold(p.Id)).OrderBy(p => p.DisplayName, StringComparer.CurrentCulture).ToList();
        return new OfferedActions(
            AssignTo: [.. holders.Where(p => p.Id != actor.PartyId && Allows(new AssignComplaint(p.Id)))],
            Parties: holders,
            TakeOver: Allows(new AssignComplaint(actor.PartyId)),
            RequestInformation: Allows(new Domain.Decisions.RequestInformation(StandIn)),
            ProposeFix: Allows(new ProposeResolution(StandIn)),
            Resolve: Allows(new ResolveComplaint(RootCause.Unknown, actor.PartyId, StandIn)),
            Close: Allows(new CloseComplaint()),
            Reopen: Allows(new ReopenComplaint(StandIn)));
    }
}
