using Marten.Services;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints.Caching;

/// <summary>
/// A part of the <see cref="WriteContext"/> that another feature stores (the webhook endpoints): read in the write's batch
/// after the versions, cached and checked with the other parts, so its feature's writes need no write context of their own.
/// </summary>
public interface IWriteContextPart
{
    /// <summary>The version that counts its changes.</summary>
    ContextPart Part { get; }

    /// <summary>Queues its read on the batch; await the result after the batch has run.</summary>
    Func<Task<object>> Queue(IBatchedQuery batch);

    /// <summary>Whether the pending changes change it: their commit raises its version.</summary>
    bool ChangedBy(IUnitOfWork pending);
}
