using Accountability.Api.Features.Complaints.Writing;
using Marten;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.StatusPage;

/// <summary>
/// Loads the status page with the complaint's stream, in the write's one batch: in an identity session the page's inline
/// projection then finds it in the session's map on saving, instead of querying for it again.
/// </summary>
public sealed class StatusPagePreload : IComplaintWriteReaction
{
    public void Prepare(IBatchedQuery batch, Guid complaintId) => _ = batch.Load<StatusPageDocument>(complaintId);

    public void React(IDocumentSession session, WrittenComplaint written) { }
}
