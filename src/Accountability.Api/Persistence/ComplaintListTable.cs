using System.Collections.Immutable;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using Marten;
using Marten.Services.BatchQuerying;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Accountability.Api.Persistence;

/// <summary>What a list shows of a complaint: the complaint without what only the rules need, and its running clocks.</summary>
public sealed record ComplaintListItem(Complaint Complaint, IReadOnlyList<RunningClock> Clocks);

/// <summary>
/// The complaint lists' read model (decision 0032): one slim row per complaint, the columns the lists filter and page on,
/// and the item they show (<see cref="ComplaintListItem"/>, a few hundred bytes, where the complaint document carries the
/// rules' memory of its history and its latest flags). Written in the transaction of every write to the complaint, so
/// reading a page costs the same however long the tenant's history.
/// </summary>
public static class ComplaintListTable
{
    public const string Name = "complaint_list";

    public static void Define(StoreOptions options)
    {
        var list = new Table(new PostgresqlObjectName(options.DatabaseSchemaName, Name, SchemaUtils.IdentifierUsage.General));
        list.AddColumn<string>("tenant_id").AsPrimaryKey();
        list.AddColumn<Guid>("id").AsPrimaryKey();
        list.AddColumn("filed_at", "timestamptz").NotNull();
        list.AddColumn("status", "text").NotNull();
        list.AddColumn("holder", "text").NotNull();
        list.AddColumn("vendor_id", "text").NotNull();
        list.AddColumn("product", "text").NotNull();
        list.AddColumn("accountable", "text").NotNull();
        list.AddColumn("escalated", "boolean").NotNull();
        list.AddColumn("flagged_rules", "text[]").NotNull();
        list.AddColumn("parties", "text[]").NotNull();
        list.AddColumn("due_at", "timestamptz");
        // json, not jsonb: kept as written and read back as it is, where jsonb is printed anew on every read (decision 0040).
        list.AddColumn("item", "json").NotNull();
        // Newest first, by page: every list reads one of these two in order and stops after a page.
        list.Indexes.Add(new IndexDefinition($"ix_{Name}_filed") { Columns = ["tenant_id", "filed_at", "id"] });
        list.Indexes.Add(new IndexDefinition($"ix_{Name}_holder") { Columns = ["tenant_id", "holder", "filed_at", "id"] });
        // The complaints with a running clock, soonest due first: the overdue and due-soon queue and the due filters.
        list.Indexes.Add(new IndexDefinition($"ix_{Name}_due") { Columns = ["tenant_id", "due_at"], Predicate = "due_at is not null" });
        options.Storage.ExtendedSchemaObjects.Add(list);
    }

    /// <summary>
    /// Writes the complaint's row (one statement in the write's batch), in place of the one before; with
    /// <paramref name="replace"/> false it leaves a row already there alone (a backfill behind live writes).
    /// </summary>
    public static void Write(IDocumentSession session, Complaint complaint, IReadOnlyList<RunningClock> clocks, bool replace = true)
    {
        var slim = complaint with { Track = null!, Flags = [], StandingFlags = ImmutableDictionary<string, int>.Empty };
        var dueAt = clocks.Where(c => !c.IsPaused).Select(c => (DateTimeOffset?)c.DueAt).Min();
        var onConflict = replace
            ? """
              do update set status = excluded.status, holder = excluded.holder, vendor_id = excluded.vendor_id, product = excluded.product,
              accountable = excluded.accountable, escalated = excluded.escalated, flagged_rules = excluded.flagged_rules,
              parties = excluded.parties, due_at = excluded.due_at, item = excluded.item
              """
            : "do nothing";
        session.QueueSqlCommand($"""
            insert into {session.DocumentStore.Options.DatabaseSchemaName}.{Name}
            (tenant_id, id, filed_at, status, holder, vendor_id, product, accountable, escalated, flagged_rules, parties, due_at, item)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::json) on conflict (tenant_id, id) {onConflict}
            """,
            session.TenantId, complaint.Id, complaint.FiledAt, complaint.Status.ToString(), complaint.Holder, complaint.VendorId, complaint.Product,
            complaint.AccountableParty(), complaint.Escalation is not null, complaint.FlaggedRules.ToArray(), complaint.PartiesInvolved.ToArray(),
            (object?)dueAt ?? DBNull.Value, session.DocumentStore.Options.Serializer().ToJson(new ComplaintListItem(slim, clocks)));
    }

    public static ComplaintListItem Read(IQuerySession session, string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return session.DocumentStore.Options.Serializer().FromJson<ComplaintListItem>(stream);
    }

    /// <summary>Queues the read of a complaint's running clocks, as its row has them (none without a row), on a batch.</summary>
    public static Func<Task<IReadOnlyList<RunningClock>>> QueueClocks(IBatchedQuery batch, IQuerySession session, Guid complaintId)
    {
        var rows = batch.Query<string>(
            $"select item::text from {session.DocumentStore.Options.DatabaseSchemaName}.{Name} where tenant_id = ? and id = ?", session.TenantId, complaintId);
        return async () => await rows is [var row, ..] ? Read(session, row).Clocks : [];
    }

    public static async Task<IReadOnlyList<RunningClock>> ClocksAsync(IQuerySession session, Guid complaintId, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var clocks = QueueClocks(batch, session, complaintId);
        await batch.Execute(ct);
        return await clocks();
    }

    /// <summary>The complaints with a running (not paused) clock due before <paramref name="before"/>, the soonest due first.</summary>
    public static async Task<IReadOnlyList<ComplaintListItem>> DueBeforeAsync(IQuerySession session, DateTimeOffset before, int limit, CancellationToken ct)
    {
        var rows = await session.QueryAsync<string>(
            $"select item::text from {session.DocumentStore.Options.DatabaseSchemaName}.{Name} where tenant_id = ? and due_at < ? order by due_at, id limit {limit}",
            ct, session.TenantId, before.ToUniversalTime());
        return [.. rows.Select(row => Read(session, row))];
    }

    /// <summary>Removes the rows of complaints that are gone (an import replacing a source).</summary>
    public static void Delete(IDocumentSession session, IReadOnlyCollection<Guid> complaintIds) =>
        session.QueueSqlCommand($"delete from {session.DocumentStore.Options.DatabaseSchemaName}.{Name} where tenant_id = ? and id = any(?)",
            session.TenantId, complaintIds.ToArray());
}
