using Accountability.Api.Features.Policies;
using Accountability.Domain.Parties;
using JasperFx;
using Marten;

namespace Accountability.Api.Features.Complaints.Caching;

/// <summary>
/// Raises the session's tenant's write-context versions whenever a session saves a party, the policy or what an
/// <see cref="IWriteContextPart"/> reads, whichever feature wrote it. A write to another tenant through ForTenant raises nothing here: its writer
/// calls <see cref="ContextVersions.Raise"/> itself.
/// </summary>
public sealed class ContextChanges(IReadOnlyList<IWriteContextPart> owned) : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var pending = session.PendingChanges;
        var parts = (pending.OperationsFor<Party>().Any() ? ContextPart.Parties : ContextPart.None)
            | (pending.OperationsFor<PolicyDocument>().Any() ? ContextPart.Policy : ContextPart.None)
            | owned.Where(part => part.ChangedBy(pending)).Aggregate(ContextPart.None, (all, part) => all | part.Part);
        if (parts != ContextPart.None && session.TenantId != StorageConstants.DefaultTenantId)
            ContextVersions.Raise(session, session.TenantId, parts);
        return Task.CompletedTask;
    }
}
