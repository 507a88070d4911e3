using System.Collections.Concurrent;
using Accountability.Api.Features.SetAside;
using Accountability.Domain.Scorecards;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// Keeps the scorecard tables from the events, asynchronously (the projection daemon runs it on the worker). Each
/// complaint's <see cref="ScorecardTrack"/> is a document, so the fold resumes where the previous batch left it; a batch
/// is written at its end, a few statements for all its events (<see cref="ScorecardBatch"/>). An event whose fold throws
/// is set aside by the daemon (its SkipApplyErrors), which then builds the batch again without it.
/// </summary>
public sealed partial class ScorecardProjection : EventProjection
{
    public const string ProjectionName = "Scorecard";
    private readonly ProcessingFaults faults;

    public ScorecardProjection(ProcessingFaults faults) => (Name, this.faults) = (ProjectionName, faults);

    // Each tenant's share of the batch being applied, begun when the daemon hands the batch over and written with its
    // last event. The daemon applies one batch of this projection at a time, and each batch starts afresh from what it
    // loads, so a failed batch leaves nothing behind.
    private readonly ConcurrentDictionary<string, ScorecardBatch> batches = new();

    public static void Register(StoreOptions options, ProcessingFaults faults)
    {
        options.Schema.For<ScorecardTrack>().MultiTenanted();
        ScorecardTables.Define(options);
        options.Projections.Add(new ScorecardProjection(faults), ProjectionLifecycle.Async, o =>
        {
            o.DeleteViewTypeOnTeardown<ScorecardTrack>();
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.Facts}");
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.Holds}");
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.PartyDays}");
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.ProductDays}");
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.DurationDays}");
        });
    }

    public override async Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (events.Count == 0)
            return;
        var ids = events.Select(e => e.StreamId).Distinct().ToArray();
        var tracks = (await querySession.LoadManyAsync<ScorecardTrack>(cancellation, ids)).ToDictionary(t => t.Id);
        batches[querySession.TenantId] = new ScorecardBatch(tracks, events.Max(e => e.Sequence));
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        faults.BeforeProcessing(ProjectionName, e);
        // Without a batch begun for it (a caller that does not enrich), the event is a batch of its own.
        var batch = batches.TryGetValue(operations.TenantId, out var begun) && e.Sequence <= begun.LastSequence ? begun : null;
        if (batch is null)
        {
            var loaded = await operations.LoadAsync<ScorecardTrack>(e.StreamId, cancellation);
            batch = new ScorecardBatch(loaded is null ? new Dictionary<Guid, ScorecardTrack>() : new() { [loaded.Id] = loaded }, e.Sequence);
        }
        batch.Apply(e.StreamId, batch.Track(e.StreamId), e.Data, e.Version);
        if (e.Sequence == batch.LastSequence)
        {
            batch.Write(operations);
            batches.TryRemove(KeyValuePair.Create(operations.TenantId, batch));
        }
    }
}
