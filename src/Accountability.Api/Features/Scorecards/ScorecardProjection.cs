using System.Collections.Concurrent;
using Accountability.Domain.Scorecards;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// Keeps the scorecard tables from the events, asynchronously (the projection daemon runs it on the worker). Each
/// complaint's <see cref="ScorecardTrack"/> is a document, so the fold resumes where the previous batch left it.
/// </summary>
public sealed partial class ScorecardProjection : EventProjection
{
    public const string ProjectionName = "Scorecard";

    public ScorecardProjection() => Name = ProjectionName;

    // The tracks of the batch being applied, loaded once for the batch rather than once per event. The daemon applies
    // one batch of this projection at a time, and each batch reloads what it touches, so a failed batch leaves nothing behind.
    private readonly ConcurrentDictionary<(string Tenant, Guid Id), ScorecardTrack?> batch = new();

    public static void Register(StoreOptions options)
    {
        options.Schema.For<ScorecardTrack>().MultiTenanted();
        ScorecardTables.Define(options);
        options.Projections.Add(new ScorecardProjection(), ProjectionLifecycle.Async, o =>
        {
            o.DeleteViewTypeOnTeardown<ScorecardTrack>();
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.Facts}");
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.Holds}");
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.PartyDays}");
            o.DeleteDataInTableOnTeardown($"{options.DatabaseSchemaName}.{ScorecardTables.ProductDays}");
        });
    }

    public override async Task EnrichEventsAsync(IQuerySession querySession, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var ids = events.Select(e => e.StreamId).Distinct().ToArray();
        var tracks = (await querySession.LoadManyAsync<ScorecardTrack>(cancellation, ids)).ToDictionary(t => t.Id);
        foreach (var id in ids)
            batch[(querySession.TenantId, id)] = tracks.GetValueOrDefault(id);
    }

    public override async ValueTask ApplyAsync(IDocumentOperations operations, IEvent e, CancellationToken cancellation)
    {
        var key = (operations.TenantId, e.StreamId);
        var track = batch.TryGetValue(key, out var cached) ? cached : await operations.LoadAsync<ScorecardTrack>(e.StreamId, cancellation);
        var (next, facts, holds) = ScorecardTrack.Evolve(track, e.Data, e.Version);
        if (next is null)
            return;
        batch[key] = next;
        operations.Store(next);
        foreach (var fact in facts)
            ScorecardTables.Write(operations, operations.TenantId, next, fact);
        foreach (var hold in holds)
            ScorecardTables.Write(operations, operations.TenantId, next, hold);
    }
}
