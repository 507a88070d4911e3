using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Complaints.TrackingLinks;
using Marten.Services;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Webhooks;

/// <summary>
/// The tenant's enabled endpoints, the part of a write's context that says who is told of its events, and the service's
/// public address (no trailing slash) that payloads' links start with.
/// </summary>
public sealed record WebhookTargets(IReadOnlyList<WebhookEndpoint> Endpoints, string PublicAddress);

/// <summary>Reads <see cref="WebhookTargets"/> in a write's batch; a saved endpoint raises their version.</summary>
public sealed class WebhookTargetsPart(IServiceProvider services) : IWriteContextPart
{
    public ContextPart Part => ContextPart.Endpoints;

    public Func<Task<object>> Queue(IBatchedQuery batch)
    {
        var endpoints = batch.Query<WebhookEndpoint>().Where(e => e.Enabled).ToList();
        return async () => new WebhookTargets(await endpoints, StatusPageAddress.Of(services).TrimEnd('/'));
    }

    public bool ChangedBy(IUnitOfWork pending) => pending.OperationsFor<WebhookEndpoint>().Any();
}
