using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Marten;
using Npgsql;

namespace Accountability.Api.Features.Dashboard.Overview;

/// <summary>
/// Reads the overview of one tenant: the flagged complaints (open ones first) from the complaint documents, and the charts'
/// figures as aggregates in PostgreSQL, every query bound to the tenant.
/// </summary>
public sealed class OverviewReader(IDocumentStore store, NpgsqlDataSource database, TimeProvider clock)
{
    public const int FlaggedShown = 25;
    private const int FinishedConsidered = 200;
    public const int PartiesShown = 10;
    public const int PeriodsShown = 24;

    /// <summary>A vendor's bounce rate is shown once it has received this many handoffs: fewer say little.</summary>
    public const int HandoffsForBounceRate = 5;

    private readonly string schema = store.Options.DatabaseSchemaName;

    public async Task<OverviewFigures> ReadAsync(string tenant, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession(tenant);
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
        var flagged = await FlaggedAsync(session, parties, now, ct);
        await using var tenants = store.QuerySession();
        var tenantName = (await tenants.LoadAsync<Tenant>(tenant, ct))?.Name ?? tenant;

        await using var connection = await database.OpenConnectionAsync(ct);
        var (complaints, open, flaggedCount, flaggedOpen) = await CountsAsync(connection, tenant, ct);
        var (length, periods) = Periods.Group(await PerDayAsync(connection, tenant, ct));
        var held = await TimeHeldAsync(connection, tenant, now, ct);
        var bounces = await BouncesAsync(connection, tenant, ct);
        return new OverviewFigures(
            tenantName, complaints, open, flaggedCount, flaggedOpen, flagged, length, periods,
            [.. held.Select(h => new PartyTimeHeld(h.Party, parties.NameOf(h.Party), h.Held))],
            [.. bounces.Where(b => parties.Find(b.Party)?.Kind == PartyKind.Vendor && b.Received >= HandoffsForBounceRate)
                .Select(b => b with { Name = parties.NameOf(b.Party) })
                .OrderByDescending(b => b.Rate).ThenByDescending(b => b.Received).ThenBy(b => b.Party, StringComparer.Ordinal).Take(PartiesShown)]);
    }

    /// <summary>
    /// Open flagged complaints first, the longest held at the top; then, among the latest finished ones, the most severe
    /// first, so a history that is all closed still shows its worst cases.
    /// </summary>
    private static async Task<IReadOnlyList<FlaggedComplaint>> FlaggedAsync(IQuerySession session, PartyDirectory parties, DateTimeOffset now, CancellationToken ct)
    {
        var open = await session.Query<Complaint>()
            .Where(c => c.FlaggedRules.Any() && c.Status != ComplaintStatus.Resolved && c.Status != ComplaintStatus.Closed)
            .OrderBy(c => c.HeldSince).Take(FlaggedShown).ToListAsync(ct);
        var finished = open.Count >= FlaggedShown ? [] : await session.Query<Complaint>()
            .Where(c => c.FlaggedRules.Any() && (c.Status == ComplaintStatus.Resolved || c.Status == ComplaintStatus.Closed))
            .OrderByDescending(c => c.LastChangedAt).Take(FinishedConsidered).ToListAsync(ct);
        var rows = finished.Select(c => Row(c, parties, now))
            .OrderByDescending(r => r.HighestSeverity).ThenByDescending(r => r.Rules.Count).ThenByDescending(r => r.LatestFlagAt)
            .Take(FlaggedShown - open.Count);
        return [.. open.Select(c => Row(c, parties, now)).Concat(rows)];
    }

    private static FlaggedComplaint Row(Complaint c, PartyDirectory parties, DateTimeOffset now)
    {
        var open = c.Status is not (ComplaintStatus.Resolved or ComplaintStatus.Closed);
        var held = open ? now - c.HeldSince : c.TimeHeld(now).Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        return new FlaggedComplaint(c.Id, c.Product, c.CustomerReference, c.Status, parties.NameOf(c.Holder), held, open, c.FlaggedRules,
            c.Flags.Count == 0 ? default : c.Flags.Max(f => f.Severity), c.Flags.Count == 0 ? c.LastChangedAt : c.Flags[^1].At, c.Escalation is not null);
    }

    private async Task<(int, int, int, int)> CountsAsync(NpgsqlConnection connection, string tenant, CancellationToken ct)
    {
        await using var command = Command(connection, tenant, $"""
            select count(*)::int,
                   (count(*) filter (where status not in ('Resolved', 'Closed')))::int,
                   (count(*) filter (where jsonb_array_length(data->'flaggedRules') > 0))::int,
                   (count(*) filter (where jsonb_array_length(data->'flaggedRules') > 0 and status not in ('Resolved', 'Closed')))::int
            from {schema}.mt_doc_complaint where tenant_id = @tenant
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
    }

    /// <summary>Complaints filed and flags raised per day (UTC), by when they happened, not when they were recorded.</summary>
    private async Task<IReadOnlyList<Period>> PerDayAsync(NpgsqlConnection connection, string tenant, CancellationToken ct)
    {
        await using var command = Command(connection, tenant, $"""
            select day, sum(complaints)::int, sum(flags)::int from (
                select date_trunc('day', filed_at, 'UTC') as day, count(*) as complaints, 0 as flags
                from {schema}.mt_doc_complaint where tenant_id = @tenant group by 1
                union all
                select date_trunc('day', (data->>'at')::timestamptz, 'UTC'), 0, count(*)
                from {schema}.mt_events where tenant_id = @tenant and type = 'flag_raised' group by 1
            ) days group by day order by day
            """);
        var days = new List<Period>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            days.Add(new Period(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetInt32(1), reader.GetInt32(2)));
        return days;
    }

    /// <summary>Each party's time holding complaints: what the documents count up to their last change, and the open holds since.</summary>
    private async Task<IReadOnlyList<(string Party, TimeSpan Held)>> TimeHeldAsync(NpgsqlConnection connection, string tenant, DateTimeOffset now, CancellationToken ct)
    {
        // TimeSpans are stored as d.hh:mm:ss(.fffffff); PostgreSQL reads "d days hh:mm:ss".
        await using var command = Command(connection, tenant, $"""
            select party, extract(epoch from sum(held))::float8 from (
                select held.key as party, regexp_replace(held.value, '^(\d+)\.', '\1 days ')::interval as held
                from {schema}.mt_doc_complaint c, jsonb_each_text(c.data->'timeHeldBefore') held where c.tenant_id = @tenant
                union all
                select holder, @now - (data->>'heldSince')::timestamptz
                from {schema}.mt_doc_complaint
                where tenant_id = @tenant and status not in ('Resolved', 'Closed') and (data->>'heldSince')::timestamptz < @now
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
    private async Task<IReadOnlyList<VendorBounces>> BouncesAsync(NpgsqlConnection connection, string tenant, CancellationToken ct)
    {
        await using var command = Command(connection, tenant, $"""
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

    private static NpgsqlCommand Command(NpgsqlConnection connection, string tenant, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tenant", tenant);
        return command;
    }
}
