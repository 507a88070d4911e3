using Accountability.Domain.Scorecards;
using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Features.Scorecards;

/// <summary>
/// The scorecards' read model as two plain tables the projection keeps: one row per countable fact, dated and charged
/// to a party, and one per hold. Rows are keyed by what proved them, so writing one again overwrites it.
/// </summary>
public static class ScorecardTables
{
    public const string Facts = "scorecard_facts";
    public const string Holds = "scorecard_holds";

    public static void Define(StoreOptions options)
    {
        var facts = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, Facts, SchemaUtils.IdentifierUsage.General));
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

        var holds = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, Holds, SchemaUtils.IdentifierUsage.General));
        holds.AddColumn<string>("tenant_id").AsPrimaryKey();
        holds.AddColumn<Guid>("complaint_id").AsPrimaryKey();
        holds.AddColumn<long>("version").AsPrimaryKey();
        holds.AddColumn<string>("party").NotNull();
        holds.AddColumn<string>("product").NotNull();
        holds.AddColumn<string>("category").NotNull();
        holds.AddColumn("started_at", "timestamptz").NotNull();
        holds.AddColumn("ended_at", "timestamptz");
        holds.Indexes.Add(new IndexDefinition("ix_scorecard_holds_party") { Columns = ["tenant_id", "party", "complaint_id"] });

        options.Storage.ExtendedSchemaObjects.Add(facts);
        options.Storage.ExtendedSchemaObjects.Add(holds);
    }

    public static string Name(IDocumentOperations operations, string table) => $"{operations.DocumentStore.Options.DatabaseSchemaName}.{table}";

    public static void Write(IDocumentOperations operations, string tenant, ScorecardTrack track, ScorecardFact fact) =>
        operations.QueueSqlCommand($"""
            insert into {Name(operations, Facts)} (tenant_id, complaint_id, version, kind, party, product, category, at, value, label, liable)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, complaint_id, version, kind) do update set party = excluded.party, product = excluded.product,
                category = excluded.category, at = excluded.at, value = excluded.value, label = excluded.label, liable = excluded.liable
            """,
            tenant, track.Id, fact.Version, fact.Kind, fact.Party, track.Product, track.Category, fact.At,
            (object?)fact.Value ?? DBNull.Value, (object?)fact.Label ?? DBNull.Value, (object?)fact.Liable ?? DBNull.Value);

    public static void Write(IDocumentOperations operations, string tenant, ScorecardTrack track, Hold hold) =>
        operations.QueueSqlCommand($"""
            insert into {Name(operations, Holds)} (tenant_id, complaint_id, version, party, product, category, started_at, ended_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, complaint_id, version) do update set party = excluded.party, product = excluded.product,
                category = excluded.category, started_at = excluded.started_at, ended_at = excluded.ended_at
            """,
            tenant, track.Id, hold.Version, hold.Party, track.Product, track.Category, hold.Start, (object?)hold.End ?? DBNull.Value);
}
