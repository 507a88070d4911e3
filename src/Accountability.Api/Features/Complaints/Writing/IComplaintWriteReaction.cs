using Marten;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints.Writing;

/// <summary>
/// What follows every write to a complaint, one at a time or batched, in the same session and so in the same transaction
/// (deadlines, webhook deliveries, ...). Each feature registers its own as a singleton; the writer knows none of them by name.
/// </summary>
public interface IComplaintWriteReaction
{
    /// <summary>Queues on the write's one batch what the reaction or an inline projection will need for an existing complaint.</summary>
    void Prepare(IBatchedQuery batch, Guid complaintId) { }

    void React(IDocumentSession session, WrittenComplaint written);

    /// <summary>
    /// Writes for the streams the batched mode copied what an inline projection would have written from their events (a
    /// copied stream passes none), in the write's transaction, after the copy.
    /// </summary>
    Task WriteCopiedAsync(IDocumentSession session, IReadOnlyList<CopiedComplaint> copied, CancellationToken ct) => Task.CompletedTask;
}
