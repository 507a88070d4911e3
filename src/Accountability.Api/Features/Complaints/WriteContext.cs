using Accountability.Api.Features.Policies;
using Accountability.Api.Features.StatusPage;
using Accountability.Api.Features.Webhooks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using JasperFx.Events;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints;

/// <summary>What every write to a complaint needs besides the complaint: the tenant's parties, its policy, and who wants webhooks.</summary>
public sealed record WriteContext(PartyDirectory Parties, Policy Policy, IReadOnlyList<WebhookEndpoint> Endpoints)
{
    /// <summary>Queues the reads on a batch, so they share its one round trip; await the result after the batch has run.</summary>
    public static Func<Task<WriteContext>> Queue(IBatchedQuery batch)
    {
        var parties = batch.Query<Party>().ToList();
        var policy = batch.Load<PolicyDocument>(PolicyDocument.CurrentId);
        var endpoints = batch.Query<WebhookEndpoint>().Where(e => e.Enabled).ToList();
        return async () => new WriteContext(new PartyDirectory(await parties), PolicyDocument.Current(await policy), await endpoints);
    }

    /// <summary>
    /// Queues a complaint's fetch for writing with its status page: in an identity session the page's inline projection
    /// then finds it in the session's map on saving, instead of querying for it again.
    /// </summary>
    public static Task<IEventStream<Complaint>> QueueComplaint(IBatchedQuery batch, Guid id)
    {
        _ = batch.Load<StatusPageDocument>(id);
        return batch.Events.FetchForWriting<Complaint>(id);
    }
}
