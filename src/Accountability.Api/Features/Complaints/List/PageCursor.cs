using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Accountability.Domain.Complaints;
using Marten;
using Marten.Linq.MatchesSql;

namespace Accountability.Api.Features.Complaints.List;

/// <summary>Where a page ended, in the list's order (newest filed first, then id): opaque to clients.</summary>
public sealed record PageCursor(DateTimeOffset FiledAt, Guid Id)
{
    /// <summary>One page of complaints after the cursor, and the cursor of the next page if there is one.</summary>
    /// <param name="select">Which parts of each complaint to read; all of it when null.</param>
    public static async Task<(IReadOnlyList<Complaint> Page, string? Next)> ReadAsync(
        IQueryable<Complaint> query, string? cursor, int limit, CancellationToken ct, Expression<Func<Complaint, Complaint>>? select = null)
    {
        if (cursor is not null && TryParse(cursor, out var after))
            query = query.Where(c => c.MatchesSql("(d.filed_at, d.id) < (?, ?)", after.FiledAt, after.Id));
        query = query.OrderByDescending(c => c.FiledAt).ThenByDescending(c => c.Id).Take(limit + 1);
        var rows = await (select is null ? query : query.Select(select)).ToListAsync(ct);
        return rows.Count > limit
            ? (rows.Take(limit).ToList(), new PageCursor(rows[limit - 1].FiledAt, rows[limit - 1].Id).ToString())
            : (rows, null);
    }

    /// <summary>
    /// One page of any document listed newest first by a duplicated time column (<paramref name="atColumn"/>), then id,
    /// after the cursor; and the cursor of the next page if there is one.
    /// </summary>
    public static async Task<(IReadOnlyList<T> Page, string? Next)> ReadAsync<T>(IQueryable<T> query, string? cursor, int limit,
        Expression<Func<T, DateTimeOffset>> at, Expression<Func<T, Guid>> id, string atColumn, CancellationToken ct)
        where T : notnull
    {
        if (cursor is not null && TryParse(cursor, out var after))
            query = query.Where(x => x.MatchesSql($"(d.{atColumn}, d.id) < (?, ?)", after.FiledAt, after.Id));
        var rows = await query.OrderByDescending(at).ThenByDescending(id).Take(limit + 1).ToListAsync(ct);
        if (rows.Count <= limit)
            return (rows, null);
        var last = rows[limit - 1];
        return (rows.Take(limit).ToList(), new PageCursor(at.Compile()(last), id.Compile()(last)).ToString());
    }

    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FiledAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}|{Id:N}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryParse(string text, out PageCursor cursor)
    {
        cursor = null!;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + (4 - text.Length % 4) % 4, '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split('|');
            if (parts.Length != 2 || !long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) || !Guid.TryParse(parts[1], out var id)
                || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
                return false;
            cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
