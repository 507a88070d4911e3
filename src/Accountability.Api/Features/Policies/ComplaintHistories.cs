using Accountability.Domain.Complaints;
using Marten;

namespace Accountability.Api.Features.Policies;

/// <summary>Complaints' recorded histories in one query, each in stream order: what replays and re-judgings start from.</summary>
public static class ComplaintHistories
{
    public static async Task<Dictionary<Guid, IReadOnlyList<IComplaintEvent>>> ReadAsync(IQuerySession session, Guid[] ids, CancellationToken ct)
    {
        var events = await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events.GroupBy(e => e.StreamId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<IComplaintEvent>)[.. g.OrderBy(e => e.Version).Select(e => (IComplaintEvent)e.Data)]);
    }
}
