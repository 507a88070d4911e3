using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Persistence;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>Every write to a complaint rewrites its list row, in the same transaction: one statement in the write's batch.</summary>
public sealed class ListRowReaction : IComplaintWriteReaction
{
    public void React(IDocumentSession session, WrittenComplaint written) =>
        ComplaintListTable.Write(session, written.After, RunningClock.Of(written.After, written.Context.Policy, written.Context.Parties));
}
