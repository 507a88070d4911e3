using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.Webhooks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints;

/// <summary>What every write to a complaint needs besides the complaint: the tenant's parties, its policy, and who wants webhooks.</summary>
public sealed record WriteContext(PartyDirectory Parties, Policy Policy, IReadOnlyList<WebhookEndpoint> Endpoints)
{
    /// <summary>
    /// Queues the reads of <paramref name="parts"/> on a batch, so they share its one round trip, and takes the others from
    /// <paramref name="unchanged"/>; await the result after the batch has run. Writes get theirs from <see cref="WriteContextCache"/>.
    /// </summary>
    public static Func<Task<WriteContext>> Queue(IBatchedQuery batch, ContextPart parts, WriteContext? unchanged)
    {
        var parties = parts.HasFlag(ContextPart.Parties) ? batch.Query<Party>().ToList() : null;
        var policy = parts.HasFlag(ContextPart.Policy) ? batch.Load<PolicyDocument>(PolicyDocument.CurrentId) : null;
        var endpoints = parts.HasFlag(ContextPart.Endpoints) ? batch.Query<WebhookEndpoint>().Where(e => e.Enabled).ToList() : null;
        return async () => new WriteContext(
            parties is null ? unchanged!.Parties : new PartyDirectory(await parties),
            policy is null ? unchanged!.Policy : PolicyDocument.Current(await policy),
            endpoints is null ? unchanged!.Endpoints : await endpoints);
    }
}
