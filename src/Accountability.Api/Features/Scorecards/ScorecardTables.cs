using Accountability.Domain.Scorecards;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// The scorecards' read model as plain tables the projection keeps: one row per countable fact and one per hold (keyed
/// by what proved them and whom, so writing one again overwrites it), and per-day sums of the facts by party and by product,
/// which answer whole days of a period without reading the facts.
/// </summary>
public static class ScorecardTables
{
    public const string Facts = "scorecard_facts";
    public const string Holds = "scorecard_holds";
    public const string PartyDays = "scorecard_party_days";
    public const string ProductDays = "scorecard_product_days";
    public const string DurationDays = "scorecard_duration_days";

    /// <summary>The kinds whose values are times whose median and 90th percentile a card shows (a fact of these without a value, a default judgment's resolution, has no time).</summary>
    public static readonly string[] TimedKinds = [FactKinds.Acknowledged, FactKinds.Resolved];

    /// <summary>The kinds a product's card counts.</summary>
    public static readonly string[] ProductKinds = [FactKinds.Filed, FactKinds.Flagged, FactKinds.FlagSuperseded, FactKinds.FlagWithdrawn, FactKinds.Resolved, FactKinds.ResolutionReopened,
        FactKinds.FoundLiable, FactKinds.AppealWon, FactKinds.AppealLost];

    /// <summary>The product kinds a card tells apart by label: categories of filings and rules of flags.</summary>
    public static readonly string[] LabelledProductKinds = [FactKinds.Filed, FactKinds.Flagged, FactKinds.FlagSuperseded, FactKinds.FlagWithdrawn];

    public static void Define(StoreOptions options)
    {
        var facts = NewTable(options, Facts);
        facts.AddColumn<string>("tenant_id").AsPrimaryKey();
        facts.AddColumn<Guid>("complaint_id").AsPrimaryKey();
        facts.AddColumn<long>("version").AsPrimaryKey();
        facts.AddColumn<string>("kind").AsPrimaryKey();
        facts.AddColumn<string>("party").AsPrimaryKey();
        facts.AddColumn<string>("product").NotNull();
        facts.AddColumn<string>("category").NotNull();
        facts.AddColumn("at", "timestamptz").NotNull();
        facts.AddColumn("value", "double precision");
        facts.AddColumn("label", "text");
        facts.AddColumn("liable", "text");
        facts.Indexes.Add(new IndexDefinition("ix_scorecard_facts_period") { Columns = ["tenant_id", "at"] });
        facts.Indexes.Add(new IndexDefinition("ix_scorecard_facts_durations") { Columns = ["tenant_id", "kind", "at", "party", "value"] });
        facts.Indexes.Add(new IndexDefinition("ix_scorecard_facts_product") { Columns = ["tenant_id", "product", "at"] });
        facts.Indexes.Add(new IndexDefinition("ix_scorecard_facts_category") { Columns = ["tenant_id", "category", "at"] });

        var holds = NewTable(options, Holds);
        holds.AddColumn<string>("tenant_id").AsPrimaryKey();
        holds.AddColumn<Guid>("complaint_id").AsPrimaryKey();
        holds.AddColumn<long>("version").AsPrimaryKey();
        holds.AddColumn<string>("party").NotNull();
        holds.AddColumn<string>("product").NotNull();
        holds.AddColumn<string>("category").NotNull();
        holds.AddColumn("started_at", "timestamptz").NotNull();
        holds.AddColumn("ended_at", "timestamptz");
        holds.Indexes.Add(new IndexDefinition("ix_scorecard_holds_party") { Columns = ["tenant_id", "party", "complaint_id"] });
        holds.Indexes.Add(new IndexDefinition("ix_scorecard_holds_running") { Columns = ["tenant_id", "party"], Predicate = "ended_at is null" });

        var partyDays = NewTable(options, PartyDays);
        foreach (var key in new[] { "tenant_id", "party", "kind", "label", "liable" })
            partyDays.AddColumn<string>(key).AsPrimaryKey();
        partyDays.AddColumn("day", "date").AsPrimaryKey();
        partyDays.AddColumn<int>("n").NotNull();
        partyDays.AddColumn("total", "double precision").NotNull();

        var productDays = NewTable(options, ProductDays);
        foreach (var key in new[] { "tenant_id", "product", "kind", "label" })
            productDays.AddColumn<string>(key).AsPrimaryKey();
        productDays.AddColumn("day", "date").AsPrimaryKey();
        productDays.AddColumn<int>("n").NotNull();

        var durationDays = NewTable(options, DurationDays);
        foreach (var key in new[] { "tenant_id", "party", "kind" })
            durationDays.AddColumn<string>(key).AsPrimaryKey();
        durationDays.AddColumn("day", "date").AsPrimaryKey();
        durationDays.AddColumn("seconds", "double precision[]").NotNull();

        foreach (var table in new[] { facts, holds, partyDays, productDays, durationDays })
            options.Storage.ExtendedSchemaObjects.Add(table);
    }

    private static Table NewTable(StoreOptions options, string name) =>
        new(new PostgresqlObjectName(options.DatabaseSchemaName, name, SchemaUtils.IdentifierUsage.General));

    public static string Name(IDocumentOperations operations, string table) => $"{operations.DocumentStore.Options.DatabaseSchemaName}.{table}";

    /// <summary>Writes facts (a fact written again overwrites itself: the fold proves each one once).</summary>
    public static void WriteFacts(IDocumentOperations operations, string tenant, IReadOnlyList<(ScorecardTrack Track, ScorecardFact Fact)> facts) =>
        operations.QueueSqlCommand($"""
            insert into {Name(operations, Facts)} (tenant_id, complaint_id, version, kind, party, product, category, at, value, label, liable)
            select ?, * from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::float8[], ?::text[], ?::text[])
            on conflict (tenant_id, complaint_id, version, kind, party) do update set product = excluded.product,
                category = excluded.category, at = excluded.at, value = excluded.value, label = excluded.label, liable = excluded.liable
            """,
            tenant, facts.Select(f => f.Track.Id).ToArray(), facts.Select(f => f.Fact.Version).ToArray(), facts.Select(f => f.Fact.Kind).ToArray(),
            facts.Select(f => f.Fact.Party).ToArray(), facts.Select(f => f.Track.Product).ToArray(), facts.Select(f => f.Track.Category).ToArray(),
            facts.Select(f => f.Fact.At.ToUniversalTime()).ToArray(), facts.Select(f => f.Fact.Value).ToArray(),
            facts.Select(f => f.Fact.Label).ToArray(), facts.Select(f => f.Fact.Liable).ToArray());

    /// <summary>Adds facts to their days' sums by party, one row per day and key however many facts it gathers.</summary>
    public static void AddToPartyDays(IDocumentOperations operations, string tenant, IEnumerable<ScorecardFact> facts)
    {
        var sums = facts.GroupBy(f => (f.Party, f.Kind, Label: f.Label ?? "", Liable: f.Liable ?? "", Day: Day(f)))
            .Select(g => (g.Key, N: g.Count(), Total: g.Sum(f => f.Value ?? 0))).ToList();
        operations.QueueSqlCommand($"""
            insert into {Name(operations, PartyDays)} (tenant_id, party, kind, label, liable, day, n, total)
            select ?, * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::int[], ?::float8[])
            on conflict (tenant_id, party, kind, label, liable, day) do update set n = {PartyDays}.n + excluded.n, total = {PartyDays}.total + excluded.total
            """,
            tenant, sums.Select(s => s.Key.Party).ToArray(), sums.Select(s => s.Key.Kind).ToArray(), sums.Select(s => s.Key.Label).ToArray(),
            sums.Select(s => s.Key.Liable).ToArray(), sums.Select(s => s.Key.Day).ToArray(), sums.Select(s => s.N).ToArray(), sums.Select(s => s.Total).ToArray());
    }

    /// <summary>Adds times to acknowledge and resolve to their days' lists by party: percentiles need every value.</summary>
    public static void AddToDurationDays(IDocumentOperations operations, string tenant, IEnumerable<ScorecardFact> facts)
    {
        var days = facts.Where(f => TimedKinds.Contains(f.Kind) && f.Value is not null).GroupBy(f => (f.Party, f.Kind, Day: Day(f)))
            .Select(g => (g.Key, Seconds: string.Join(",", g.Select(f => f.Value!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))).ToList();
        if (days.Count == 0)
            return;
        // unnest cannot take an array of arrays apart row by row, so each day's list travels as text.
        operations.QueueSqlCommand($"""
            insert into {Name(operations, DurationDays)} (tenant_id, party, kind, day, seconds)
            select ?, party, kind, day, string_to_array(seconds, ',')::float8[] from unnest(?::text[], ?::text[], ?::date[], ?::text[]) as d(party, kind, day, seconds)
            on conflict (tenant_id, party, kind, day) do update set seconds = {DurationDays}.seconds || excluded.seconds
            """,
            tenant, days.Select(d => d.Key.Party).ToArray(), days.Select(d => d.Key.Kind).ToArray(), days.Select(d => d.Key.Day).ToArray(),
            days.Select(d => d.Seconds).ToArray());
    }

    /// <summary>Adds a product's facts to their days' sums by product.</summary>
    public static void AddToProductDays(IDocumentOperations operations, string tenant, IEnumerable<(ScorecardTrack Track, ScorecardFact Fact)> facts)
    {
        var sums = facts.GroupBy(f => (f.Track.Product, f.Fact.Kind, Label: ProductLabel(f.Fact), Day: Day(f.Fact)))
            .Select(g => (g.Key, N: g.Count())).ToList();
        if (sums.Count == 0)
            return;
        operations.QueueSqlCommand($"""
            insert into {Name(operations, ProductDays)} (tenant_id, product, kind, label, day, n)
            select ?, * from unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::int[])
            on conflict (tenant_id, product, kind, label, day) do update set n = {ProductDays}.n + excluded.n
            """,
            tenant, sums.Select(s => s.Key.Product).ToArray(), sums.Select(s => s.Key.Kind).ToArray(), sums.Select(s => s.Key.Label).ToArray(),
            sums.Select(s => s.Key.Day).ToArray(), sums.Select(s => s.N).ToArray());
    }

    /// <summary>What a product's card tells apart: categories of filings and rules of flags.</summary>
    public static string ProductLabel(ScorecardFact fact) => LabelledProductKinds.Contains(fact.Kind) ? fact.Label ?? "" : "";

    /// <summary>Writes holds as they stand now (started, or ended since).</summary>
    public static void WriteHolds(IDocumentOperations operations, string tenant, IEnumerable<(ScorecardTrack Track, Hold Hold)> written)
    {
        var holds = written.ToList();
        operations.QueueSqlCommand($"""
            insert into {Name(operations, Holds)} (tenant_id, complaint_id, version, party, product, category, started_at, ended_at)
            select ?, * from unnest(?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::timestamptz[])
            on conflict (tenant_id, complaint_id, version) do update set party = excluded.party, product = excluded.product,
                category = excluded.category, started_at = excluded.started_at, ended_at = excluded.ended_at
            """,
            tenant, holds.Select(h => h.Track.Id).ToArray(), holds.Select(h => h.Hold.Version).ToArray(), holds.Select(h => h.Hold.Party).ToArray(),
            holds.Select(h => h.Track.Product).ToArray(), holds.Select(h => h.Track.Category).ToArray(),
            holds.Select(h => h.Hold.Start.ToUniversalTime()).ToArray(), holds.Select(h => h.Hold.End?.ToUniversalTime()).ToArray());
    }

    private static DateOnly Day(ScorecardFact fact) => DateOnly.FromDateTime(fact.At.UtcDateTime);
}
