using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Accountability.Domain.Scorecards;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// Reads the scorecards from the tables <see cref="ScorecardProjection"/> keeps, never the events: counts from the
/// per-day sums for whole days (from the facts for a filter the sums do not carry, and for the parts of a day at either
/// end of the period), percentiles from the facts' index, running holds from their partial index. Callers decide who
/// may see what: a vendor's filter names its own party.
/// </summary>
public sealed partial class ScorecardQueries(TenantDatabases databases, IDocumentStore store, TimeProvider clock)
{
    private readonly string schema = store.Options.DatabaseSchemaName;

    private string Facts => $"{schema}.{ScorecardTables.Facts}";

    private string Holds => $"{schema}.{ScorecardTables.Holds}";

    public async Task<PartyScorecards> PartiesAsync(string tenantId, ScorecardFilter filter, CancellationToken ct)
    {
        var asOf = clock.GetUtcNow();
        // Four independent reads, each on a connection of its own: the card waits for the slowest, not for their sum.
        var countsRead = PartyCountsAsync(tenantId, filter, ct);
        var timedRead = PartyDurationsAsync(tenantId, filter, ct);
        var runningRead = RunningHoldsAsync(tenantId, filter, asOf, ct);
        var registeredRead = RegisteredPartiesAsync(tenantId, ct);
        var (counts, timed, running) = (await countsRead, await timedRead, await runningRead);

        var parties = (await registeredRead).Concat(counts.Select(c => c.Party)).Concat(running.Keys)
            .Where(p => filter.Party is null || p == filter.Party).Distinct().Order(StringComparer.Ordinal);
        return new PartyScorecards(filter.From, filter.To, asOf, [.. parties.Select(party =>
            Card(party, [.. counts.Where(c => c.Party == party).Select(c => (c.Kind, c.Label, c.Liable, c.Count, c.Sum))],
                kind => timed.GetValueOrDefault((party, kind)), running.GetValueOrDefault(party)))]);
    }

    private async Task<List<(string Party, string Kind, string Label, string Liable, int Count, double Sum)>> PartyCountsAsync(
        string tenantId, ScorecardFilter filter, CancellationToken ct)
    {
        var counts = new List<(string Party, string Kind, string Label, string Liable, int Count, double Sum)>();
        var sql = new ScorecardSql(databases.For(tenantId));
        // Seconds to the microsecond: the day sums add up in batch order, which a rebuild changes in the last bits.
        await using var command = sql.Command($"select party, kind, label, liable, sum(n)::int, round(sum(total)::numeric, 6)::double precision from ({PartyCounts(sql, tenantId, filter)}) x group by 1, 2, 3, 4");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetDouble(5)));
        return counts;
    }

    private async Task<Dictionary<(string Party, string Kind), List<double>>> PartyDurationsAsync(string tenantId, ScorecardFilter filter, CancellationToken ct)
    {
        var timed = new Dictionary<(string Party, string Kind), List<double>>();
        var sql = new ScorecardSql(databases.For(tenantId));
        await using var command = sql.Command(PartyDurations(sql, tenantId, filter));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!timed.TryGetValue(key, out var values))
                timed[key] = values = [];
            values.AddRange(reader.GetFieldValue<double[]>(2));
        }
        return timed;
    }

    private async Task<Dictionary<string, (int Count, double Seconds)>> RunningHoldsAsync(
        string tenantId, ScorecardFilter filter, DateTimeOffset asOf, CancellationToken ct)
    {
        var running = new Dictionary<string, (int Count, double Seconds)>();
        var sql = new ScorecardSql(databases.For(tenantId));
        var holdsWhere = HoldsWhere(sql, tenantId, filter);
        await using var command = sql.Command($"""
            select party, count(*)::int, coalesce(sum(extract(epoch from {sql.Time(asOf)} - started_at)), 0)::double precision
            from {Holds} h where {holdsWhere} and h.ended_at is null group by 1
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            running[reader.GetString(0)] = (reader.GetInt32(1), reader.GetDouble(2));
        return running;
    }

    public async Task<ProductScorecards> ProductsAsync(string tenantId, ScorecardFilter filter, CancellationToken ct)
    {
        var asOf = clock.GetUtcNow();
        var counts = new List<(string Product, string Kind, string Label, int Count)>();
        var sql = new ScorecardSql(databases.For(tenantId));
        await using (var command = sql.Command($"select product, kind, label, sum(n)::int from ({ProductCounts(sql, tenantId, filter)}) x group by 1, 2, 3"))
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
                ByRule(g.Select(c => (c.Kind, c.Label, c.Count)), FactKinds.Flagged, FactKinds.FlagSuperseded, FactKinds.FlagWithdrawn),
                Count(FactKinds.FoundLiable),
                Count(FactKinds.AppealWon),
                Count(FactKinds.AppealLost));
        });
        return new ProductScorecards(filter.From, filter.To, asOf,
            [.. products.OrderByDescending(p => p.Complaints).ThenBy(p => p.Product, StringComparer.Ordinal)]);
    }

    private static PartyScorecard Card(string party, List<(string Kind, string Label, string Liable, int Count, double Sum)> mine,
        Func<string, List<double>?> timed, (int Count, double Seconds) running)
    {
        int Count(string kind) => mine.Where(c => c.Kind == kind).Sum(c => c.Count);
        double Sum(string kind) => mine.Where(c => c.Kind == kind).Sum(c => c.Sum);
        Durations DurationsOf(string kind) => Percentiles.Of(timed(kind) ?? []);
        var resolved = mine.Where(c => c.Kind == FactKinds.Resolved).ToList();
        var ratings = Count(FactKinds.Rated);
        return new PartyScorecard(
            party,
            Count(FactKinds.Received),
            running.Count,
            running.Seconds,
            DurationsOf(FactKinds.Acknowledged),
            DurationsOf(FactKinds.Resolved),
            Sum(FactKinds.HoldEnded),
            Count(FactKinds.HandedOff),
            Count(FactKinds.BouncedBack),
            Rate(Count(FactKinds.BouncedBack), Count(FactKinds.HandedOff)),
            Count(FactKinds.CustomerRedirected),
            ByRule(mine.Select(c => (c.Kind, c.Label, c.Count)), FactKinds.Charged, FactKinds.ChargeSuperseded, FactKinds.ChargeWithdrawn),
            StalledHolderFlags(mine),
            Count(FactKinds.Uncharged) - Count(FactKinds.UnchargedWithdrawn),
            Count(FactKinds.Resolved),
            Count(FactKinds.ResolutionReopened),
            Rate(Count(FactKinds.ResolutionReopened), Count(FactKinds.Resolved)),
            new Rating(ratings, ratings == 0 ? null : Sum(FactKinds.Rated) / ratings),
            Enum.GetNames<RootCause>().ToDictionary(cause => cause, cause => resolved.Where(c => c.Label == cause).Sum(c => c.Count)),
            resolved.GroupBy(c => c.Liable).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)),
            Count(FactKinds.FoundLiable),
            AmountCharged(mine.Select(c => (c.Kind, c.Label, c.Sum))),
            Count(FactKinds.AppealWon),
            Count(FactKinds.AppealLost));
    }

    /// <summary>Per currency, the minor units charged less those reversed, as amounts; the sums are whole numbers, exact in a double up to 2^53.</summary>
    public static Dictionary<string, decimal> AmountCharged(IEnumerable<(string Kind, string Currency, double MinorUnits)> facts) => facts
        .Where(f => f.Kind is FactKinds.MoneyCharged or FactKinds.MoneyChargeReversed)
        .GroupBy(f => f.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => Domain.Liability.Money.FromMinorUnits(
            (long)Math.Round(g.Sum(f => f.Kind == FactKinds.MoneyCharged ? f.MinorUnits : -f.MinorUnits)), g.Key).Amount);

    private static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;

    /// <summary>Flags by rule: those counted, less those a later flag of the same story replaced or a re-judging withdrew.</summary>
    private static Dictionary<string, int> ByRule(IEnumerable<(string Kind, string Rule, int Count)> counts, string counted, params string[] takenBack)
    {
        var all = counts.ToList();
        int Sum(string kind, string rule) => all.Where(c => c.Kind == kind && c.Rule == rule).Sum(c => c.Count);
        return RuleIds.All.ToDictionary(rule => rule, rule => Sum(counted, rule) - takenBack.Sum(kind => Sum(kind, rule)));
    }

    /// <summary>Stalled-holder flags against the party, charged or counted apart, less those withdrawn.</summary>
    private static int StalledHolderFlags(List<(string Kind, string Label, string Liable, int Count, double Sum)> mine)
    {
        int Sum(params string[] kinds) => mine.Where(c => kinds.Contains(c.Kind) && c.Label == RuleIds.StalledHolder).Sum(c => c.Count);
        return Sum(FactKinds.Charged, FactKinds.Uncharged) - Sum(FactKinds.ChargeWithdrawn, FactKinds.UnchargedWithdrawn);
    }

    /// <summary>One party's facts dated in [from, to), as the projection wrote them (vendor standing judges these).</summary>
    public async Task<IReadOnlyList<ScorecardFact>> PartyFactsAsync(string tenantId, string party, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var sql = new ScorecardSql(databases.For(tenantId));
        await using var command = sql.Command($"""
            select kind, version, party, at, value, label, liable from {Facts} f
            where f.tenant_id = {sql.Text(tenantId)} and f.party = {sql.Text(party)} and f.at >= {sql.Time(from)} and f.at < {sql.Time(to)}
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var facts = new List<ScorecardFact>();
        while (await reader.ReadAsync(ct))
            facts.Add(new ScorecardFact(reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return facts;
    }

    private async Task<IEnumerable<string>> RegisteredPartiesAsync(string tenantId, CancellationToken ct)
    {
        await using var session = store.QuerySession(tenantId);
        return await session.Query<Party>().Select(p => p.Id).ToListAsync(ct);
    }
}
