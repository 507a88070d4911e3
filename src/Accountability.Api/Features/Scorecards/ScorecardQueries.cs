using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Scorecards;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// Reads the scorecards from the tables <see cref="ScorecardProjection"/> keeps: a few grouped queries per call, never
/// the events. Callers decide who may see what (a vendor's filter names its own party).
/// </summary>
public sealed class ScorecardQueries(NpgsqlDataSource database, IDocumentStore store, TimeProvider clock)
{
    private readonly string facts = $"{store.Options.DatabaseSchemaName}.{ScorecardTables.Facts}";
    private readonly string holds = $"{store.Options.DatabaseSchemaName}.{ScorecardTables.Holds}";

    public async Task<PartyScorecards> PartiesAsync(string tenantId, ScorecardFilter filter, CancellationToken ct)
    {
        var asOf = clock.GetUtcNow();
        var counts = new List<(string Party, string Kind, string Label, string Liable, int Count, int Complaints, double Sum)>();
        await using (var command = Command($"""
            select party, kind, coalesce(label, ''), coalesce(liable, ''), count(*)::int, count(distinct complaint_id)::int, coalesce(sum(value), 0)
            from {facts} f where {Where(filter, forParties: true)} group by 1, 2, 3, 4
            """, tenantId, filter, asOf))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                counts.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetDouble(6)));

        var percentiles = new Dictionary<(string Party, string Kind), double[]>();
        await using (var command = Command($"""
            select party, kind, percentile_cont(array[0.5, 0.9]) within group (order by value)
            from {facts} f where {Where(filter, forParties: true)} and kind in ('{FactKinds.Acknowledged}', '{FactKinds.Resolved}') group by 1, 2
            """, tenantId, filter, asOf))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                percentiles[(reader.GetString(0), reader.GetString(1))] = reader.GetFieldValue<double[]>(2);

        var held = new Dictionary<string, (int Now, double Seconds)>();
        await using (var command = Command($"""
            select party, (count(*) filter (where ended_at is null))::int,
                coalesce(sum(greatest(0, extract(epoch from least(coalesce(ended_at, $4), coalesce($3, 'infinity'::timestamptz))
                    - greatest(started_at, coalesce($2, '-infinity'::timestamptz))))::double precision), 0)
            from {holds} f where {Where(filter with { From = null, To = null }, forParties: true)} group by 1
            """, tenantId, filter, asOf))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                held[reader.GetString(0)] = (reader.GetInt32(1), reader.GetDouble(2));

        var parties = (await RegisteredPartiesAsync(tenantId, ct)).Concat(counts.Select(c => c.Party)).Concat(held.Keys)
            .Where(p => filter.Party is null || p == filter.Party).Distinct().Order(StringComparer.Ordinal);
        return new PartyScorecards(filter.From, filter.To, asOf, [.. parties.Select(party =>
        {
            var mine = counts.Where(c => c.Party == party).ToList();
            int Count(string kind) => mine.Where(c => c.Kind == kind).Sum(c => c.Count);
            Durations DurationsOf(string kind) => percentiles.TryGetValue((party, kind), out var p)
                ? new Durations(Count(kind), p[0], p[1]) : new Durations(0, null, null);
            var resolved = mine.Where(c => c.Kind == FactKinds.Resolved).ToList();
            var rated = mine.Where(c => c.Kind == FactKinds.Rated).ToList();
            return new PartyScorecard(
                party,
                mine.Where(c => c.Kind == FactKinds.Received).Sum(c => c.Complaints),
                held.GetValueOrDefault(party).Now,
                DurationsOf(FactKinds.Acknowledged),
                DurationsOf(FactKinds.Resolved),
                held.GetValueOrDefault(party).Seconds,
                Count(FactKinds.HandedOff),
                Count(FactKinds.BouncedBack),
                Rate(Count(FactKinds.BouncedBack), Count(FactKinds.HandedOff)),
                Count(FactKinds.CustomerRedirected),
                ByRule(mine.Where(c => c.Kind == FactKinds.Flagged).Select(c => (c.Label, c.Count))),
                mine.Where(c => c.Kind == FactKinds.Flagged && c.Label == RuleIds.StalledHolder).Sum(c => c.Count),
                Count(FactKinds.Resolved),
                Count(FactKinds.ResolutionReopened),
                Rate(Count(FactKinds.ResolutionReopened), Count(FactKinds.Resolved)),
                new Rating(rated.Sum(c => c.Count), rated.Count == 0 ? null : rated.Sum(c => c.Sum) / rated.Sum(c => c.Count)),
                Enum.GetNames<RootCause>().ToDictionary(cause => cause, cause => resolved.Where(c => c.Label == cause).Sum(c => c.Count)),
                resolved.GroupBy(c => c.Liable).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)));
        })]);
    }

    public async Task<ProductScorecards> ProductsAsync(string tenantId, ScorecardFilter filter, CancellationToken ct)
    {
        var asOf = clock.GetUtcNow();
        var counts = new List<(string Product, string Kind, string Label, int Count)>();
        await using (var command = Command($"""
            select product, kind, coalesce(label, ''), count(*)::int from {facts} f
            where {Where(filter, forParties: false)}
              and kind in ('{FactKinds.Filed}', '{FactKinds.Flagged}', '{FactKinds.Resolved}', '{FactKinds.ResolutionReopened}')
            group by 1, 2, 3
            """, tenantId, filter, asOf))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                counts.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));

        var products = counts.GroupBy(c => c.Product).Select(g =>
        {
            int Count(string kind) => g.Where(c => c.Kind == kind).Sum(c => c.Count);
            return new ProductScorecard(
                g.Key,
                Count(FactKinds.Filed),
                g.Where(c => c.Kind == FactKinds.Filed).OrderBy(c => c.Label, StringComparer.Ordinal).ToDictionary(c => c.Label, c => c.Count),
                Count(FactKinds.Resolved),
                Count(FactKinds.ResolutionReopened),
                Rate(Count(FactKinds.ResolutionReopened), Count(FactKinds.Resolved)),
                ByRule(g.Where(c => c.Kind == FactKinds.Flagged).Select(c => (c.Label, c.Count))));
        });
        return new ProductScorecards(filter.From, filter.To, asOf,
            [.. products.OrderByDescending(p => p.Complaints).ThenBy(p => p.Product, StringComparer.Ordinal)]);
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static Dictionary<string, int> ByRule(IEnumerable<(string Rule, int Count)> flags) =>
        RuleIds.All.ToDictionary(rule => rule, rule => flags.Where(f => f.Rule == rule).Sum(f => f.Count));

    /// <summary>The filter as SQL over a table aliased f; $1 tenant, $2 from, $3 to, $4 now, $5 party, $6 product, $7 category.</summary>
    private string Where(ScorecardFilter filter, bool forParties)
    {
        var where = new List<string> { "f.tenant_id = $1" };
        if (filter.From is not null) where.Add("f.at >= $2");
        if (filter.To is not null) where.Add("f.at < $3");
        if (filter.Party is not null)
            where.Add(forParties ? "f.party = $5" : $"exists (select 1 from {holds} h where h.tenant_id = f.tenant_id and h.complaint_id = f.complaint_id and h.party = $5)");
        if (filter.Product is not null) where.Add("f.product = $6");
        if (filter.Category is not null) where.Add("f.category = $7");
        return string.Join(" and ", where);
    }

    private NpgsqlCommand Command(string sql, string tenantId, ScorecardFilter filter, DateTimeOffset now)
    {
        var command = database.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Party ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Product ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Category ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }

    private async Task<IEnumerable<string>> RegisteredPartiesAsync(string tenantId, CancellationToken ct)
    {
        await using var session = store.QuerySession(tenantId);
        return await session.Query<Party>().Select(p => p.Id).ToListAsync(ct);
    }
}
