using Accountability.Api.Features.Policies;
using Accountability.Api.Features.Webhooks;
using Accountability.Domain.Parties;
using JasperFx;
using Marten;

namespace Accountability.Api.Features.Complaints.Caching;

/// <summary>
/// Raises the session's tenant's write-context versions whenever a session saves a party, the policy or a webhook
/// endpoint, whichever feature wrote it. A write to another tenant through ForTenant raises nothing here: its writer
/// calls <see cref="ContextVersions.Raise"/> itself.
/// </summary>
public sealed class ContextChanges : DocumentSessionListenerBase
{
    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        var pending = session.PendingChanges;
        var parts = (pending.OperationsFor<Party>().Any() ? ContextPart.Parties : ContextPart.None)
            | (pending.OperationsFor<PolicyDocument>().Any() ? ContextPart.Policy : ContextPart.None)
            | (pending.OperationsFor<WebhookEndpoint>().Any() ? ContextPart.Endpoints : ContextPart.None);
        if (parts != ContextPart.None && session.TenantId != StorageConstants.DefaultTenantId)
            ContextVersions.Raise(session, session.TenantId, parts);
        return Task.CompletedTask;
    }
}
