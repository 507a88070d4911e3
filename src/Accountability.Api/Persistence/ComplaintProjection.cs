using Accountability.Domain.Complaints;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Accountability.Api.Persistence;

/// <summary>Keeps each complaint's state as a document, updated in the same transaction as its events.</summary>
public sealed class ComplaintProjection : SingleStreamProjection<Complaint, Guid>
{
    public override Complaint? Evolve(Complaint? snapshot, Guid id, IEvent e) => Complaint.Evolve(snapshot, e.Data);
}
