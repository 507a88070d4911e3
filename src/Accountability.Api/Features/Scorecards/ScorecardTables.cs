using Accountability.Domain.Scorecards;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// The scorecards' read model as plain tables the projection keeps: one row per countable fact and one per hold (keyed
/// by what proved them, so writing one again overwrites it), and per-day sums of the facts by party and by product,
/// which answer whole days of a period without reading the facts.
/// </summary>
public static class ScorecardTables
{
    public const string Facts = "scorecard_facts";
    public const string Holds = "scorecard_holds";
    public const string PartyDays = "scorecard_party_days";
    public const string ProductDays = "scorecard_product_days";

    /// <summary>The kinds a product's card counts.</summary>
    public static readonly string[] ProductKinds = [FactKinds.Filed, FactKinds.Flagged, FactKinds.Resolved, FactKinds.ResolutionReopened];

    public static void Define(StoreOptions options)
    {
        var facts = NewTable(options, Facts);
        facts.AddColumn<string>("tenant_id").AsPrimaryKey();
        facts.AddColumn<Guid>("complaint_id").AsPrimaryKey();
        facts.AddColumn<long>("version").AsPrimaryKey();
        facts.AddColumn<string>("kind").AsPrimaryKey();
        facts.AddColumn<string>("party").NotNull();
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

        foreach (var table in new[] { facts, holds, partyDays, productDays })
            options.Storage.ExtendedSchemaObjects.Add(table);
    }

    private static Table NewTable(StoreOptions options, string name) =>
        new(new PostgresqlObjectName(options.DatabaseSchemaName, name, SchemaUtils.IdentifierUsage.General));

    public static string Name(IDocumentOperations operations, string table) => $"{operations.DocumentStore.Options.DatabaseSchemaName}.{table}";

    /// <summary>Writes a fact and adds it to its day's sums (each fact is written once: the fold proves it once).</summary>
    public static void Write(IDocumentOperations operations, string tenant, ScorecardTrack track, ScorecardFact fact)
    {
        operations.QueueSqlCommand($"""
            insert into {Name(operations, Facts)} (tenant_id, complaint_id, version, kind, party, product, category, at, value, label, liable)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, complaint_id, version, kind) do update set party = excluded.party, product = excluded.product,
                category = excluded.category, at = excluded.at, value = excluded.value, label = excluded.label, liable = excluded.liable
            """,
            tenant, track.Id, fact.Version, fact.Kind, fact.Party, track.Product, track.Category, fact.At,
            (object?)fact.Value ?? DBNull.Value, (object?)fact.Label ?? DBNull.Value, (object?)fact.Liable ?? DBNull.Value);
        var day = DateOnly.FromDateTime(fact.At.UtcDateTime);
        operations.QueueSqlCommand($"""
            insert into {Name(operations, PartyDays)} (tenant_id, party, kind, label, liable, day, n, total) values (?, ?, ?, ?, ?, ?, 1, ?)
            on conflict (tenant_id, party, kind, label, liable, day) do update set n = {PartyDays}.n + 1, total = {PartyDays}.total + excluded.total
            """,
            tenant, fact.Party, fact.Kind, fact.Label ?? "", fact.Liable ?? "", day, fact.Value ?? 0);
        if (ProductKinds.Contains(fact.Kind))
            operations.QueueSqlCommand($"""
                insert into {Name(operations, ProductDays)} (tenant_id, product, kind, label, day, n) values (?, ?, ?, ?, ?, 1)
                on conflict (tenant_id, product, kind, label, day) do update set n = {ProductDays}.n + 1
                """,
                tenant, track.Product, fact.Kind, ProductLabel(fact), day);
    }

    /// <summary>What a product's card tells apart: categories of filings and rules of flags.</summary>
    public static string ProductLabel(ScorecardFact fact) => fact.Kind is FactKinds.Filed or FactKinds.Flagged ? fact.Label ?? "" : "";

    public static void Write(IDocumentOperations operations, string tenant, ScorecardTrack track, Hold hold) =>
        operations.QueueSqlCommand($"""
            insert into {Name(operations, Holds)} (tenant_id, complaint_id, version, party, product, category, started_at, ended_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, complaint_id, version) do update set party = excluded.party, product = excluded.product,
                category = excluded.category, started_at = excluded.started_at, ended_at = excluded.ended_at
            """,
            tenant, track.Id, hold.Version, hold.Party, track.Product, track.Category, hold.Start, (object?)hold.End ?? DBNull.Value);
}
