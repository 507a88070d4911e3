using Accountability.Api.Features.Complaints.Caching;
using Marten.Services;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Webhooks;

/// <summary>The tenant's enabled endpoints, the part of a write's context that says who is told of its events.</summary>
public sealed record WebhookTargets(IReadOnlyList<WebhookEndpoint> Endpoints);

/// <summary>Reads <see cref="WebhookTargets"/> in a write's batch; a saved endpoint raises their version.</summary>
public sealed class WebhookTargetsPart : IWriteContextPart
{
    public ContextPart Part => ContextPart.Endpoints;

    public Func<Task<object>> Queue(IBatchedQuery batch)
    {
        var endpoints = batch.Query<WebhookEndpoint>().Where(e => e.Enabled).ToList();
        return async () => new WebhookTargets(await endpoints);
    }

    public bool ChangedBy(IUnitOfWork pending) => pending.OperationsFor<WebhookEndpoint>().Any();
}
