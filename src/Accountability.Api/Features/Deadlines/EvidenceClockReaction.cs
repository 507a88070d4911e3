using Accountability.Api.Features.Complaints.Writing;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Deadlines;

/// <summary>
/// A request for evidence, or its answer, writes the complaint's evidence clocks (one per open request) in its own
/// transaction; a missed one is left to the scheduler that fired it.
/// </summary>
public sealed class EvidenceClockReaction : IComplaintWriteReaction
{
    private static readonly IReadOnlyList<DeadlineKind> Evidence = [DeadlineKind.Evidence];

    public void React(IDocumentSession session, WrittenComplaint written)
    {
        if (DeadlineClocks.EvidenceChanged(written.Steps.Select(s => s.Event)))
            DeadlineTable.Write(session, written.After.Id, DeadlineClocks.OfEvidence(written.After), Evidence);
    }
}
