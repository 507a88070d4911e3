using Accountability.Api.Features.SetAside;
using Accountability.Domain.Scorecards;
using JasperFx.Events.Projections;
using Marten;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// Folds one complaint again from its first event up to where the projection stands, as the retry of an event the
/// projection set aside: the complaint's facts, holds and track are written afresh, and the day sums of every day its
/// old or new facts fall on are summed again from the facts, so the figures are as if the event had never failed.
/// </summary>
public static class ScorecardRefold
{
    private const string Days = "scorecard_refold_days";

    public static async Task RefoldAsync(IDocumentStore store, ProcessingFaults faults, string tenant, Guid complaint, CancellationToken ct)
    {
        var reached = await store.Advanced.ProjectionProgressFor(new ShardName(ScorecardProjection.ProjectionName), token: ct);
        await using var session = store.LightweightSession(tenant);
        var events = (await session.Events.FetchStreamAsync(complaint, token: ct)).Where(e => e.Sequence <= reached).ToList();
        if (events.Count == 0)
            return;
        var batch = new ScorecardBatch(new Dictionary<Guid, ScorecardTrack>(), events[^1].Sequence);
        foreach (var e in events)
        {
            faults.BeforeProcessing(ScorecardProjection.ProjectionName, e);
            batch.Apply(e.StreamId, batch.Track(e.StreamId), e.Data, e.Version);
        }

        string Table(string name) => ScorecardTables.Name(session, name);
        const string day = "(at at time zone 'UTC')::date";
        var mine = $"from {Table(ScorecardTables.Facts)} where tenant_id = ? and complaint_id = ?";
        session.QueueSqlCommand($"create temp table {Days} on commit drop as select distinct {day} as day {mine}", tenant, complaint);
        session.QueueSqlCommand($"delete {mine}", tenant, complaint);
        session.QueueSqlCommand($"delete from {Table(ScorecardTables.Holds)} where tenant_id = ? and complaint_id = ?", tenant, complaint);
        batch.Write(session);
        session.QueueSqlCommand($"insert into {Days} select distinct {day} {mine}", tenant, complaint);
        var facts = $"from {Table(ScorecardTables.Facts)} where tenant_id = ? and {day} in (select day from {Days})";
        foreach (var table in new[] { ScorecardTables.PartyDays, ScorecardTables.ProductDays, ScorecardTables.DurationDays })
            session.QueueSqlCommand($"delete from {Table(table)} where tenant_id = ? and day in (select day from {Days})", tenant);
        session.QueueSqlCommand($"""
            insert into {Table(ScorecardTables.PartyDays)} (tenant_id, party, kind, label, liable, day, n, total)
            select tenant_id, party, kind, coalesce(label, ''), coalesce(liable, ''), {day}, count(*), sum(coalesce(value, 0)) {facts}
            group by 1, 2, 3, 4, 5, 6
            """, tenant);
        session.QueueSqlCommand($"""
            insert into {Table(ScorecardTables.ProductDays)} (tenant_id, product, kind, label, day, n)
            select tenant_id, product, kind, case when kind = any(?) then coalesce(label, '') else '' end, {day}, count(*) {facts}
                and kind = any(?) group by 1, 2, 3, 4, 5
            """, ScorecardTables.LabelledProductKinds, tenant, ScorecardTables.ProductKinds);
        session.QueueSqlCommand($"""
            insert into {Table(ScorecardTables.DurationDays)} (tenant_id, party, kind, day, seconds)
            select tenant_id, party, kind, {day}, array_agg(value) {facts} and kind = any(?) and value is not null group by 1, 2, 3, 4
            """, tenant, ScorecardTables.TimedKinds);
        await session.SaveChangesAsync(ct);
    }
}
