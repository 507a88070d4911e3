using Accountability.Api.Features.Complaints.Writing;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Deadlines;

/// <summary>
/// A write that starts a hold's clock writes that hold's clocks, and a request for evidence or its answer writes the
/// evidence clocks (one per open request), into the one row, in the write's own transaction. A missed request is left
/// to the scheduler that fired it.
/// </summary>
public sealed class NewHoldReaction : IComplaintWriteReaction
{
    private static readonly IReadOnlyList<DeadlineKind> Evidence = [DeadlineKind.Evidence];

    public void React(IDocumentSession session, WrittenComplaint written)
    {
        // Replayed history has judged the deadlines that fell due before now; the scheduler takes those still ahead.
        DeadlineTable.WriteStarted(session, written.Before, written.After, written.Context.Policy, written.Context.Parties,
            notBefore: written.Replayed ? written.Now : null);
        if (DeadlineClocks.EvidenceChanged(written.Steps.Select(s => s.Event)))
            DeadlineTable.Write(session, written.After.Id, DeadlineClocks.OfEvidence(written.After), Evidence);
    }
}
