using Accountability.Domain.Customers;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Accountability.Api.Features.StatusPage;

/// <summary>The status page's read model: what the customer may see of one complaint, found by its tracking token's hash.</summary>
public sealed record StatusPageDocument(Guid Id, string Tenant, string? TokenHash, CustomerStatus Status);

/// <summary>Kept in the same transaction as the complaint's events, so a customer sees their own action at once.</summary>
public sealed class StatusPageProjection : SingleStreamProjection<StatusPageDocument, Guid>
{
    public override StatusPageDocument? Evolve(StatusPageDocument? snapshot, Guid id, IEvent e) =>
        CustomerStatus.Evolve(snapshot?.Status, e.Data) is { } status ? new StatusPageDocument(id, e.TenantId, status.TokenHash, status) : null;
}
