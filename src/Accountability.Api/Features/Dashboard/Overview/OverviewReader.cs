using System.Linq.Expressions;
using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>
/// Reads the overview of one tenant: the flagged complaints (open ones first) from the complaint documents, fresh on
/// every view, and the charts' figures as aggregates in PostgreSQL, run side by side and kept for a minute per tenant
/// (they scan the tenant's whole history). Every query is bound to the tenant.
/// </summary>
public sealed class OverviewReader(IDocumentStore store, TenantDatabases databases, IMemoryCache cache, TimeProvider clock)
{
    public const int FlaggedShown = 25;
    private const int FinishedConsidered = 200;
    public const int PartiesShown = 10;
    public const int PeriodsShown = 24;
    public static readonly TimeSpan ChartsKeptFor = TimeSpan.FromMinutes(1);

    /// <summary>A vendor's bounce rate is shown once it has received this many handoffs: fewer say little.</summary>
    public const int HandoffsForBounceRate = 5;

    private readonly string schema = store.Options.DatabaseSchemaName;

    private sealed record Charts(
        (int Complaints, int Open, int Flagged, int FlaggedOpen) Counts, IReadOnlyList<Period> Days,
        IReadOnlyList<(string Party, TimeSpan Held)> TimeHeld, IReadOnlyList<VendorBounces> Bounces, DateTimeOffset AsOf);

    public async Task<OverviewFigures> ReadAsync(string tenant, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var charts = cache.GetOrCreateAsync($"dashboard-charts:{tenant}", entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = ChartsKeptFor;
            return ChartsAsync(tenant, now, ct);
        });
        await using var session = store.QuerySession(tenant);
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
        var flagged = await FlaggedAsync(session, parties, now, ct);
        await using var tenants = store.QuerySession();
        var tenantName = (await tenants.LoadAsync<Tenant>(tenant, ct))?.Name ?? tenant;

        var (counts, days, held, bounces, asOf) = (await charts)!;
        var (length, periods) = Periods.Group(days);
        return new OverviewFigures(
            tenantName, counts.Complaints, counts.Open, counts.Flagged, counts.FlaggedOpen, flagged, length, periods,
            [.. held.Select(h => new PartyTimeHeld(h.Party, parties.NameOf(h.Party), h.Held))],
            [.. bounces.Where(b => parties.Find(b.Party)?.Kind == PartyKind.Vendor && b.Received >= HandoffsForBounceRate)
                .Select(b => b with { Name = parties.NameOf(b.Party) })
                .OrderByDescending(b => b.Rate).ThenByDescending(b => b.Received).ThenBy(b => b.Party, StringComparer.Ordinal).Take(PartiesShown)],
            asOf);
    }

    private async Task<Charts> ChartsAsync(string tenant, DateTimeOffset now, CancellationToken ct)
    {
        var counts = CountsAsync(tenant, ct);
        var days = PerDayAsync(tenant, ct);
        var held = TimeHeldAsync(tenant, now, ct);
        var bounces = BouncesAsync(tenant, ct);
        await Task.WhenAll(counts, days, held, bounces);
        return new Charts(await counts, await days, await held, await bounces, now);
    }

    /// <summary>What a row shows, without what only the rules need (most of a flagged complaint's document).</summary>
    private static readonly Expression<Func<Complaint, Complaint>> WithoutRuleState = c => new Complaint(
        c.Id, c.CustomerReference, c.Product, c.VendorId, c.Category, c.Description, c.Channel, c.Status, c.Holder, c.HeldSince,
        c.Clock, c.PartiesInvolved, c.HandoffCount, c.ReopenCount, c.FiledAt, c.LastChangedAt, c.ResolvedAt, c.ClosedAt)
    {
        Escalation = c.Escalation,
        FlaggedRules = c.FlaggedRules,
        Flags = c.Flags,
    };

    /// <summary>
    /// Open flagged complaints first, the longest held at the top; then, among the latest finished ones, the most severe
    /// first, so a history that is all closed still shows its worst cases.
    /// </summary>
    private static async Task<IReadOnlyList<FlaggedComplaint>> FlaggedAsync(IQuerySession session, PartyDirectory parties, DateTimeOffset now, CancellationToken ct)
    {
        var open = await session.Query<Complaint>().Flagged()
            .Where(c => c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed && c.Status != ComplaintStatus.Cancelled)
            .OrderBy(c => c.HeldSince).Take(FlaggedShown).Select(WithoutRuleState).ToListAsync(ct);
        var finished = open.Count >= FlaggedShown ? [] : await session.Query<Complaint>().Flagged()
            .Where(c => c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed || c.Status == ComplaintStatus.Cancelled)
            .OrderByDescending(c => c.LastChangedAt).Take(FinishedConsidered).Select(WithoutRuleState).ToListAsync(ct);
        var rows = finished.Select(c => Row(c, parties, now))
            .OrderByDescending(r => r.HighestSeverity).ThenByDescending(r => r.Rules.Count).ThenByDescending(r => r.LatestFlagAt)
            .Take(FlaggedShown - open.Count);
        return [.. open.Select(c => Row(c, parties, now)).Concat(rows)];
    }

    private static FlaggedComplaint Row(Complaint c, PartyDirectory parties, DateTimeOffset now)
    {
        var open = c.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed or ComplaintStatus.Cancelled);
        var held = open ? c.Clock.RunTime(now) : c.TimeHeld(now).Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        return new FlaggedComplaint(c.Id, c.Product, c.CustomerReference, c.Status, parties.NameOf(c.Holder), held, open, c.FlaggedRules,
            c.Flags.Count == 0 ? default : c.Flags.Max(f => f.Severity), c.Flags.Count == 0 ? c.LastChangedAt : c.Flags[^1].At, c.Escalation is not null);
    }

    private async Task<(int, int, int, int)> CountsAsync(string tenant, CancellationToken ct)
    {
        await using var command = Command(tenant, $"""
            select count(*)::int,
                   (count(*) filter (where status not in ('Resolved', 'Closed', 'Cancelled')))::int,
                   (count(*) filter (where jsonb_array_length(data->'flaggedRules') > 0))::int,
                   (count(*) filter (where jsonb_array_length(data->'flaggedRules') > 0 and status not in ('Resolved', 'Closed', 'Cancelled')))::int
            from {schema}.mt_doc_complaint where tenant_id = @tenant
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    /// <summary>Complaints filed and flags raised (and not withdrawn since) per day (UTC), by when they happened, not when they were recorded.</summary>
    private async Task<IReadOnlyList<Period>> PerDayAsync(string tenant, CancellationToken ct)
    {
        await using var command = Command(tenant, $"""
            select day, sum(complaints)::int, sum(flags)::int from (
                select date_trunc('day', filed_at, 'UTC') as day, count(*) as complaints, 0 as flags
                from {schema}.mt_doc_complaint where tenant_id = @tenant group by 1
                union all
                select date_trunc('day', (data->>'at')::timestamptz, 'UTC'), 0, count(*)
                from {schema}.mt_events f where tenant_id = @tenant and type = 'flag_raised'
                    and not exists (select 1 from {schema}.mt_events w where w.tenant_id = f.tenant_id and w.stream_id = f.stream_id
                        and w.type = 'flag_withdrawn' and (w.data->>'flag')::bigint = f.version)
                group by 1
            ) days group by day order by day
            """);
        var days = new List<Period>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            days.Add(new Period(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetInt32(1), reader.GetInt32(2)));
        return days;
    }

    /// <summary>Each party's time holding complaints on the holder's clock: what it counted up to its last turn, and the running clocks since.</summary>
    private async Task<IReadOnlyList<(string Party, TimeSpan Held)>> TimeHeldAsync(string tenant, DateTimeOffset now, CancellationToken ct)
    {
        // TimeSpans are stored as d.hh:mm:ss(.fffffff); PostgreSQL reads "d days hh:mm:ss".
        await using var command = Command(tenant, $"""
            select party, extract(epoch from sum(held))::float8 from (
                select held.key as party, regexp_replace(held.value, '^(\d+)\.', '\1 days ')::interval as held
                from {schema}.mt_doc_complaint c, jsonb_each_text(c.data->'clock'->'timeHeldBefore') held where c.tenant_id = @tenant
                union all
                select holder, @now - (data->'clock'->>'since')::timestamptz
                from {schema}.mt_doc_complaint
                where tenant_id = @tenant and data->'clock'->>'state' = 'Running' and (data->'clock'->>'since')::timestamptz < @now
            ) holds group by party order by 2 desc, party limit {PartiesShown}
            """);
        command.Parameters.AddWithValue("now", now);
        var rows = new List<(string, TimeSpan)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add((reader.GetString(0), TimeSpan.FromSeconds(reader.GetDouble(1))));
        return rows;
    }

    /// <summary>Per party, the handoffs it received, and how many of those its next handoff sent straight back to the sender.</summary>
    private async Task<IReadOnlyList<VendorBounces>> BouncesAsync(string tenant, CancellationToken ct)
    {
        await using var command = Command(tenant, $"""
            select "to", count(*)::int, (count(*) filter (where next_from = "to" and next_to = "from"))::int from (
                select data->>'from' as "from", data->>'to' as "to",
                       lead(data->>'from') over hops as next_from, lead(data->>'to') over hops as next_to
                from {schema}.mt_events where tenant_id = @tenant and type = 'complaint_handed_off'
                window hops as (partition by stream_id order by version)
            ) handoffs group by "to"
            """);
        var rows = new List<VendorBounces>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(new VendorBounces(reader.GetString(0), reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
        return rows;
    }

    /// <summary>A command on a connection of its own (disposed with it), so the charts' queries run side by side.</summary>
    private NpgsqlCommand Command(string tenant, string sql)
    {
        var command = databases.For(tenant).CreateCommand(sql);
        command.Parameters.AddWithValue("tenant", tenant);
        return command;
    }
}
