using Accountability.Api.Features.SetAside;
using JasperFx.Events;
using Marten;

namespace Accountability.Api.Features.Scorecards;

/// <summary>Retries an event the scorecard projection set aside by folding its complaint again.</summary>
public sealed class ScorecardRetry(ProcessingFaults faults) : ISetAsideRetry
{
    public string ProcessorName => ScorecardProjection.ProjectionName;

    public Task ProcessAgainAsync(IDocumentStore store, string tenant, IEvent e, CancellationToken ct) =>
        ScorecardRefold.RefoldAsync(store, faults, tenant, e.StreamId, ct);
}
