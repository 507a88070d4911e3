using Accountability.Api.Features.Complaints.Writing;
using Marten;

namespace Accountability.Api.Features.Deadlines;

/// <summary>A write that starts a hold's clock schedules that hold's deadlines, in its own transaction.</summary>
public sealed class NewHoldReaction : IComplaintWriteReaction
{
    public void React(IDocumentSession session, WrittenComplaint written) =>
        ScheduledDeadline.ScheduleNewHold(session, written.Before, written.After, written.Context.Policy, written.Context.Parties);
}
