using System.Text;
using Accountability.Api.Persistence;
using Accountability.Domain.Decisions;
using Accountability.Domain.Times;
using Marten;
using Marten.Services.BatchQuerying;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>
/// Reads a page of the complaint list from its own rows (<see cref="ComplaintListTable"/>), newest filed first, every
/// filter a condition on a column of the row; the tenant's and, for a vendor, its own complaints only.
/// </summary>
public static class ListQuery
{
    /// <summary>
    /// Queues the page's read on a batch; await the result after the batch has run: each row's stored JSON
    /// (<see cref="ComplaintListItem"/>), written out by <see cref="ListItemJson"/>; dispose the rows after.
    /// </summary>
    public static Func<Task<(ListRows Page, string? Next)>> Queue(
        IBatchedQuery batch, IQuerySession session, Actor actor, Request r, DateTimeOffset now)
    {
        var conditions = new List<string>();
        var values = new List<object>();
        void Where(string condition, params object[] parameters)
        {
            conditions.Add(condition);
            values.AddRange(parameters);
        }

        Where("tenant_id = ?", session.TenantId);
        if (!actor.IsOperator) Where("? = any(parties)", actor.PartyId);
        if (r.Status is { } status) Where("status = ?", status.ToString());
        if (r.Holder is { } holder) Where("holder = ?", holder);
        if (r.Vendor is { } vendor) Where("vendor_id = ?", vendor);
        if (r.Product is { } product) Where("product = ?", product);
        if (FilterTime.Clamp(r.OpenedFrom) is { } from) Where("filed_at >= ?", from.ToUniversalTime());
        if (FilterTime.Clamp(r.OpenedTo) is { } to) Where("filed_at <= ?", to.ToUniversalTime());
        if (r.Flagged is { } flagged)
        {
            if (!bool.TryParse(flagged, out var any)) Where("? = any(flagged_rules)", flagged);
            else Where(any ? "cardinality(flagged_rules) > 0" : "cardinality(flagged_rules) = 0");
        }
        if (r.Escalated is { } escalated) Where("escalated = ?", escalated);
        if (r.Accountable is { } accountable) Where("accountable = ?", accountable);
        if (r.Overdue is { } overdue) Where(overdue ? "due_at <= ?" : "(due_at is null or due_at > ?)", now.ToUniversalTime());
        if (FilterTime.Clamp(r.DueBefore) is { } dueBefore) Where("due_at < ?", dueBefore.ToUniversalTime());
        if (r.Cursor is not null && PageCursor.TryParse(r.Cursor, out var after)) Where("(filed_at, id) < (?, ?)", after.FiledAt, after.Id);

        var sql = new StringBuilder($"select item::text from {session.DocumentStore.Options.DatabaseSchemaName}.{ComplaintListTable.Name} where ")
            .AppendJoin(" and ", conditions).Append($" order by filed_at desc, id desc limit {r.Limit + 1}").ToString();
        var query = batch.AddItem(new ListRows.Query(sql, [.. values]));
        return async () =>
        {
            var rows = await query;
            if (rows.Count <= r.Limit)
                return (rows, null);
            rows.Truncate(r.Limit);
            return (rows, ListItemJson.CursorAfter(rows[r.Limit - 1]).ToString());
        };
    }
}
