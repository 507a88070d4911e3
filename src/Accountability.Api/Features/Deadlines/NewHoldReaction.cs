using Accountability.Api.Features.Complaints.Writing;
using Marten;

namespace Accountability.Api.Features.Deadlines;

/// <summary>A write that starts a hold's clock writes that hold's clocks, one row, in its own transaction.</summary>
public sealed class NewHoldReaction : IComplaintWriteReaction
{
    public void React(IDocumentSession session, WrittenComplaint written) =>
        DeadlineTable.WriteStarted(session, written.Before, written.After, written.Context.Policy, written.Context.Parties);
}
