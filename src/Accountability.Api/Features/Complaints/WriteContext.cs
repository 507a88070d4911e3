using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Policies;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints;

/// <summary>
/// What every write to a complaint needs besides the complaint: the tenant's parties, its policy, and the parts other
/// features keep (<see cref="IWriteContextPart"/>: who wants webhooks), in the order the parts are registered.
/// </summary>
public sealed record WriteContext(PartyDirectory Parties, Policy Policy, IReadOnlyList<object> Owned)
{
    /// <summary>The part of type <typeparamref name="T"/>, registered by the feature that keeps it.</summary>
    public T Part<T>() => Owned.OfType<T>().Single();

    /// <summary>
    /// Queues the reads of <paramref name="parts"/> on a batch, so they share its one round trip, and takes the others from
    /// <paramref name="unchanged"/>; await the result after the batch has run. Writes get theirs from <see cref="WriteContextCache"/>.
    /// </summary>
    public static Func<Task<WriteContext>> Queue(IBatchedQuery batch, ContextPart parts, IReadOnlyList<IWriteContextPart> owned, WriteContext? unchanged)
    {
        var parties = parts.HasFlag(ContextPart.Parties) ? batch.Query<Party>().ToList() : null;
        var policy = parts.HasFlag(ContextPart.Policy) ? batch.Load<PolicyDocument>(PolicyDocument.CurrentId) : null;
        var reads = owned.Select(part => parts.HasFlag(part.Part) ? part.Queue(batch) : null).ToArray();
        return async () =>
        {
            var values = new object[reads.Length];
            for (var i = 0; i < reads.Length; i++)
                values[i] = reads[i] is { } read ? await read() : unchanged!.Owned[i];
            return new WriteContext(
                parties is null ? unchanged!.Parties : new PartyDirectory(await parties),
                policy is null ? unchanged!.Policy : PolicyDocument.Current(await policy),
                values);
        };
    }
}
