using Accountability.Domain.Scorecards;
using Marten;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// One tenant's share of a daemon batch: the tracks it touches, folded event by event, and what they proved, written
/// at the end as one statement per table (the per-day sums added up first), so a batch costs a handful of round trips.
/// </summary>
public sealed class ScorecardBatch(IReadOnlyDictionary<Guid, ScorecardTrack> loaded, long lastSequence)
{
    private readonly Dictionary<Guid, ScorecardTrack?> tracks = new(loaded.Select(t => KeyValuePair.Create(t.Key, (ScorecardTrack?)t.Value)));
    private readonly List<(ScorecardTrack Track, ScorecardFact Fact)> facts = [];
    private readonly Dictionary<(Guid, long), (ScorecardTrack Track, Hold Hold)> holds = [];
    private readonly HashSet<Guid> changed = [];

    public long LastSequence => lastSequence;

    public ScorecardTrack? Track(Guid id) => tracks.GetValueOrDefault(id);

    public void Apply(Guid id, ScorecardTrack? track, object @event, long version)
    {
        var (next, proved, ended) = ScorecardTrack.Evolve(track, @event, version);
        tracks[id] = next;
        if (next is null)
            return;
        changed.Add(id);
        facts.AddRange(proved.Select(f => (next, f)));
        foreach (var hold in ended)
            holds[(id, hold.Version)] = (next, hold);
    }

    public void Write(IDocumentOperations operations)
    {
        var tenant = operations.TenantId;
        var updated = changed.Select(id => tracks[id]).OfType<ScorecardTrack>().ToArray();
        if (updated.Length > 0)
            operations.Store(updated);
        if (facts.Count > 0)
        {
            ScorecardTables.WriteFacts(operations, tenant, facts);
            ScorecardTables.AddToPartyDays(operations, tenant, facts.Select(f => f.Fact));
            ScorecardTables.AddToDurationDays(operations, tenant, facts.Select(f => f.Fact));
            ScorecardTables.AddToProductDays(operations, tenant, facts.Where(f => ScorecardTables.ProductKinds.Contains(f.Fact.Kind)));
        }
        if (holds.Count > 0)
            ScorecardTables.WriteHolds(operations, tenant, holds.Values);
    }
}
