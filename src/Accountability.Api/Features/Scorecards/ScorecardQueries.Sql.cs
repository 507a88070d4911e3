using Accountability.Domain.Scorecards;
using NpgsqlTypes;

namespace Accountability.Api.Features.Scorecards;

/// <summary>The SQL of the scorecards: which table answers which part of a period, and the filters over each.</summary>
public sealed partial class ScorecardQueries
{
    /// <summary>Rows of (party, kind, label, liable, n, total): the per-day sums for whole days, the facts for the rest.</summary>
    private string PartyCounts(ScorecardSql sql, string tenantId, ScorecardFilter filter)
    {
        const string FactColumns = "party, kind, coalesce(label, '') as label, coalesce(liable, '') as liable, 1 as n, coalesce(value, 0) as total";
        if (filter.Product is not null || filter.Category is not null)
            return $"select {FactColumns} from {Facts} f where {FactsWhere(sql, tenantId, filter, forParties: true)}";
        var period = ScorecardPeriod.Of(filter.From, filter.To);
        var tenant = sql.Text(tenantId);
        var party = filter.Party is null ? "" : $" and party = {sql.Text(filter.Party)}";
        var parts = new List<string>();
        if (period.HasWholeDays)
            parts.Add($"select party, kind, label, liable, n, total from {schema}.{ScorecardTables.PartyDays} where tenant_id = {tenant}{party}{Days(sql, period)}");
        if (period.Edges.Count > 0)
            parts.Add($"select {FactColumns} from {Facts} f where f.tenant_id = {tenant}{party} and ({Edges(sql, period)})");
        return string.Join(" union all ", parts);
    }

    /// <summary>Rows of (party, kind, seconds[]): the per-day lists for whole days, the facts for the rest.</summary>
    private string PartyDurations(ScorecardSql sql, string tenantId, ScorecardFilter filter)
    {
        var kinds = sql.Value(ScorecardTables.TimedKinds, NpgsqlDbType.Array | NpgsqlDbType.Text);
        const string FromFacts = "select party, kind, array_agg(value) from";
        if (filter.Product is not null || filter.Category is not null)
            return $"{FromFacts} {Facts} f where {FactsWhere(sql, tenantId, filter, forParties: true)} and f.kind = any({kinds}) and f.value is not null group by 1, 2";
        var period = ScorecardPeriod.Of(filter.From, filter.To);
        var tenant = sql.Text(tenantId);
        var party = filter.Party is null ? "" : $" and party = {sql.Text(filter.Party)}";
        var parts = new List<string>();
        if (period.HasWholeDays)
            parts.Add($"select party, kind, seconds from {schema}.{ScorecardTables.DurationDays} where tenant_id = {tenant}{party}{Days(sql, period)}");
        if (period.Edges.Count > 0)
            parts.Add($"{FromFacts} {Facts} f where f.tenant_id = {tenant}{party} and f.kind = any({kinds}) and f.value is not null and ({Edges(sql, period)}) group by 1, 2");
        return string.Join(" union all ", parts);
    }

    /// <summary>Rows of (product, kind, label, n): the per-day sums where no filter needs the facts, the facts otherwise.</summary>
    private string ProductCounts(ScorecardSql sql, string tenantId, ScorecardFilter filter)
    {
        var kinds = sql.Value(ScorecardTables.ProductKinds, NpgsqlDbType.Array | NpgsqlDbType.Text);
        var factColumns = $"product, kind, case when kind in ({string.Join(", ", ScorecardTables.LabelledProductKinds.Select(k => $"'{k}'"))}) then coalesce(label, '') else '' end as label, 1 as n";
        if (filter.Party is not null || filter.Category is not null)
            return $"select {factColumns} from {Facts} f where {FactsWhere(sql, tenantId, filter, forParties: false)} and f.kind = any({kinds})";
        var period = ScorecardPeriod.Of(filter.From, filter.To);
        var tenant = sql.Text(tenantId);
        var product = filter.Product is null ? "" : $" and product = {sql.Text(filter.Product)}";
        var parts = new List<string>();
        if (period.HasWholeDays)
            parts.Add($"select product, kind, label, n from {schema}.{ScorecardTables.ProductDays} where tenant_id = {tenant}{product}{Days(sql, period)}");
        if (period.Edges.Count > 0)
            parts.Add($"select {factColumns} from {Facts} f where f.tenant_id = {tenant}{product} and f.kind = any({kinds}) and ({Edges(sql, period)})");
        return string.Join(" union all ", parts);
    }

    private static string Days(ScorecardSql sql, ScorecardPeriod period) =>
        (period.FirstWholeDay is { } first ? $" and day >= {sql.Value(first, NpgsqlDbType.Date)}" : "")
        + (period.EndOfWholeDays is { } end ? $" and day < {sql.Value(end, NpgsqlDbType.Date)}" : "");

    private static string Edges(ScorecardSql sql, ScorecardPeriod period) =>
        string.Join(" or ", period.Edges.Select(e => $"(f.at >= {sql.Time(e.From)} and f.at < {sql.Time(e.To)})"));

    /// <summary>The whole filter over the facts (aliased f). For products, a party keeps the complaints it has held.</summary>
    private string FactsWhere(ScorecardSql sql, string tenantId, ScorecardFilter filter, bool forParties)
    {
        var where = new List<string> { $"f.tenant_id = {sql.Text(tenantId)}" };
        if (filter.From is { } from) where.Add($"f.at >= {sql.Time(from)}");
        if (filter.To is { } to) where.Add($"f.at < {sql.Time(to)}");
        if (filter.Party is { } party)
            where.Add(forParties ? $"f.party = {sql.Text(party)}"
                : $"exists (select 1 from {Holds} h where h.tenant_id = f.tenant_id and h.party = {sql.Text(party)} and h.complaint_id = f.complaint_id)");
        if (filter.Product is { } product) where.Add($"f.product = {sql.Text(product)}");
        if (filter.Category is { } category) where.Add($"f.category = {sql.Text(category)}");
        return string.Join(" and ", where);
    }

    private static string HoldsWhere(ScorecardSql sql, string tenantId, ScorecardFilter filter)
    {
        var where = new List<string> { $"h.tenant_id = {sql.Text(tenantId)}" };
        if (filter.Party is { } party) where.Add($"h.party = {sql.Text(party)}");
        if (filter.Product is { } product) where.Add($"h.product = {sql.Text(product)}");
        if (filter.Category is { } category) where.Add($"h.category = {sql.Text(category)}");
        return string.Join(" and ", where);
    }
}
