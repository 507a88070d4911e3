using JasperFx.Events;
using Marten;

namespace Accountability.Api.Features.SetAside;

/// <summary>
/// A projection or subscription that can process one of its set-aside events again. Each registers its own, so this
/// folder knows none of them.
/// </summary>
public interface ISetAsideRetry
{
    /// <summary>The projection's or subscription's name, as Marten records it on the dead letter.</summary>
    string ProcessorName { get; }

    Task ProcessAgainAsync(IDocumentStore store, string tenant, IEvent e, CancellationToken ct);
}
