using System.Text.RegularExpressions;
using Accountability.Api.Features.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Accountability.Api.Tests.Faults;

/// <summary>What must hold in the event store of one marketplace after any crash.</summary>
public static class StoreChecks
{
    /// <summary>Every stream's events (version and type), in order, read straight from Marten's events table.</summary>
    public static async Task<Dictionary<Guid, List<(long Version, string Type)>>> StreamsAsync(string connectionString, string schema, string tenant)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"SELECT stream_id, version, type FROM {schema}.mt_events WHERE tenant_id = @tenant ORDER BY stream_id, version", connection);
        query.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await query.ExecuteReaderAsync();
        var streams = new Dictionary<Guid, List<(long, string)>>();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (!streams.TryGetValue(id, out var events))
                streams[id] = events = [];
            events.Add((reader.GetInt64(1), reader.GetString(2)));
        }
        return streams;
    }

    /// <summary>The streams whose versions are not exactly 1..N.</summary>
    public static IEnumerable<Guid> WithGaps(Dictionary<Guid, List<(long Version, string Type)>> streams) =>
        streams.Where(s => !s.Value.Select(e => e.Version).SequenceEqual(Enumerable.Range(1, s.Value.Count).Select(v => (long)v))).Select(s => s.Key);

    /// <summary>
    /// The accepted writes whose event is not in their stream: the version the ETag named must be the event the write
    /// appended, or a flag or an escalation the rules appended right after it in the same transaction.
    /// </summary>
    public static IEnumerable<AcceptedWrite> Missing(IEnumerable<AcceptedWrite> accepted, Dictionary<Guid, List<(long Version, string Type)>> streams) =>
        accepted.Where(write => !IsStored(write, streams.GetValueOrDefault(write.Complaint) ?? []));

    private static bool IsStored(AcceptedWrite write, List<(long Version, string Type)> stream)
    {
        if (stream.Count < write.Version)
            return false;
        var version = write.Version;
        while (version > 1 && stream[(int)version - 1].Type is "flag_raised" or "complaint_escalated")
            version--;
        return stream[(int)version - 1].Type == Regex.Replace(write.Appended.Name, "(?<!^)([A-Z])", "_$1").ToLowerInvariant();
    }

    public static async Task<Dictionary<Guid, IReadOnlyList<IEvent>>> EventsAsync(IDocumentStore store, string tenant, IReadOnlyCollection<Guid> streams)
    {
        await using var session = store.QuerySession(tenant);
        var ids = streams.ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).OrderBy(e => e.Sequence).ToListAsync();
        return events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => (IReadOnlyList<IEvent>)[.. g]);
    }

    /// <summary>The key fields of both inline projections as stored, per complaint, to compare with <see cref="Folded"/>.</summary>
    public static async Task<Dictionary<Guid, string>> StoredAsync(IDocumentStore store, string tenant, IReadOnlyCollection<Guid> streams)
    {
        await using var session = store.QuerySession(tenant);
        var complaints = (await session.LoadManyAsync<Complaint>(streams)).ToDictionary(c => c.Id);
        var pages = (await session.LoadManyAsync<StatusPageDocument>(streams)).ToDictionary(p => p.Id);
        return streams.ToDictionary(id => id, id => Describe(complaints.GetValueOrDefault(id), pages.GetValueOrDefault(id)?.Status));
    }

    /// <summary>The same key fields, folded from the events with the domain's own functions.</summary>
    public static Dictionary<Guid, string> Folded(IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>> events) =>
        events.ToDictionary(s => s.Key, s => Describe(
            s.Value.Aggregate((Complaint?)null, (state, e) => Complaint.Evolve(state, e.Data)),
            s.Value.Aggregate((CustomerStatus?)null, (view, e) => CustomerStatus.Evolve(view, e.Data))));

    private static string Describe(Complaint? complaint, CustomerStatus? page) =>
        $"complaint v{complaint?.Version} {complaint?.Status} held by {complaint?.Holder}, {complaint?.HandoffCount} handoffs; "
        + $"page v{page?.Version} {page?.Status} held by {page?.Holder}, {page?.Milestones.Count} milestones";
}
