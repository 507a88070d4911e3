using Marten;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints.Writing;

/// <summary>
/// What follows every write to a complaint, in the same session and so in the same transaction (deadlines, webhook
/// deliveries, ...). Each feature registers its own as a singleton; the writer knows none of them by name.
/// </summary>
public interface IComplaintWriteReaction
{
    /// <summary>Queues on the write's one batch what the reaction or an inline projection will need for an existing complaint.</summary>
    void Prepare(IBatchedQuery batch, Guid complaintId) { }

    void React(IDocumentSession session, WrittenComplaint written);
}
