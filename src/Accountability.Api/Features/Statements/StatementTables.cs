using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Features.Statements;

/// <summary>
/// The ledger (<c>statement_entries</c>: one row per event that a statement shows, with the period it landed in), the
/// months closed (<c>statement_closes</c>, one row per marketplace and month: inserting it is the claim, so a month closes
/// once whatever the number of nodes) and the final statements (<c>closed_statements</c>, one per party and closed month).
/// </summary>
public static class StatementTables
{
    public const string Entries = "statement_entries";
    public const string Closes = "statement_closes";
    public const string Closed = "closed_statements";
    /// <summary>Serves the closer's search for a marketplace's first month with a line (<see cref="StatementCloser.BoundsSql"/>).</summary>
    public const string TenantPeriodIndex = $"ix_{Entries}_tenant_period";

    public static void Define(StoreOptions options)
    {
        var schema = options.DatabaseSchemaName;
        var entries = new Table(new PostgresqlObjectName(schema, Entries, SchemaUtils.IdentifierUsage.General));
        entries.AddColumn<string>("tenant_id").AsPrimaryKey();
        entries.AddColumn<Guid>("complaint_id").AsPrimaryKey();
        entries.AddColumn<long>("version").AsPrimaryKey();
        entries.AddColumn<string>("party").NotNull();
        entries.AddColumn<string>("period").NotNull();
        entries.AddColumn<string>("kind").NotNull();
        entries.AddColumn<Guid>("charge_id").NotNull();
        entries.AddColumn<string>("currency").NotNull();
        entries.AddColumn<long>("amount_minor").NotNull();
        entries.AddColumn("at", "timestamptz").NotNull();
        entries.AddColumn("charged_at", "timestamptz").NotNull();
        entries.AddColumn<string>("outcome");
        entries.Indexes.Add(new IndexDefinition($"ix_{Entries}_party_period") { Columns = ["tenant_id", "party", "period"] });
        entries.Indexes.Add(new IndexDefinition(TenantPeriodIndex) { Columns = ["tenant_id", "period"] });
        options.Storage.ExtendedSchemaObjects.Add(entries);

        var closes = new Table(new PostgresqlObjectName(schema, Closes, SchemaUtils.IdentifierUsage.General));
        closes.AddColumn<string>("tenant_id").AsPrimaryKey();
        closes.AddColumn<string>("period").AsPrimaryKey();
        closes.AddColumn("closed_at", "timestamptz").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(closes);

        var closed = new Table(new PostgresqlObjectName(schema, Closed, SchemaUtils.IdentifierUsage.General));
        closed.AddColumn<string>("tenant_id").AsPrimaryKey();
        closed.AddColumn<string>("period").AsPrimaryKey();
        closed.AddColumn<string>("party").AsPrimaryKey();
        closed.AddColumn("statement", "jsonb").NotNull();
        options.Storage.ExtendedSchemaObjects.Add(closed);
    }

    /// <summary>The lock a month's close takes alone and a ledger write shares, so no entry lands in a month while it closes.</summary>
    public static string LockKey(string tenantId) => $"statements:{tenantId}";
}
