using Accountability.Api.Features.StatusPage;
using Accountability.Domain.Complaints;
using Accountability.Domain.Customers;
using Accountability.Domain.Rules;
using JasperFx.Events;
using Marten;
using Npgsql;

namespace Accountability.Api.Tests.Faults;

/// <summary>What must hold in the event store of one marketplace after any crash.</summary>
public static class StoreChecks
{
    /// <summary>Every stream's versions, in order, read straight from Marten's events table.</summary>
    public static async Task<Dictionary<Guid, List<long>>> StreamVersionsAsync(string tenant)
    {
        await using var connection = new NpgsqlConnection(ServiceUnderTest.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            $"SELECT stream_id, version FROM {ServiceUnderTest.Schema}.mt_events WHERE tenant_id = @tenant ORDER BY stream_id, version", connection);
        query.Parameters.AddWithValue("tenant", tenant);
        await using var reader = await query.ExecuteReaderAsync();
        var streams = new Dictionary<Guid, List<long>>();
        while (await reader.ReadAsync())
        {
            var id = reader.GetGuid(0);
            if (!streams.TryGetValue(id, out var versions))
                streams[id] = versions = [];
            versions.Add(reader.GetInt64(1));
        }
        return streams;
    }

    /// <summary>
    /// Whether the write's event is in its stream: the version its ETag named is the event it appended, or a flag or an
    /// escalation the rules appended right after it in the same transaction.
    /// </summary>
    public static bool IsStored(AcceptedWrite write, IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>> events)
    {
        if (!events.TryGetValue(write.Complaint, out var stream) || stream.Count < write.Version)
            return false;
        var version = write.Version;
        while (version > 1 && stream[(int)version - 1].Data is FlagRaised or ComplaintEscalated)
            version--;
        return stream[(int)version - 1].Data.GetType() == write.Appended;
    }

    public static async Task<Dictionary<Guid, IReadOnlyList<IEvent>>> EventsAsync(string tenant, IEnumerable<Guid> streams)
    {
        await using var session = Store.QuerySession(tenant);
        var events = new Dictionary<Guid, IReadOnlyList<IEvent>>();
        foreach (var id in streams)
            events[id] = await session.Events.FetchStreamAsync(id);
        return events;
    }

    /// <summary>The key fields of both inline projections as stored, per complaint, to compare with <see cref="Folded"/>.</summary>
    public static async Task<Dictionary<Guid, string>> StoredAsync(string tenant, IEnumerable<Guid> streams)
    {
        await using var session = Store.QuerySession(tenant);
        var stored = new Dictionary<Guid, string>();
        foreach (var id in streams)
            stored[id] = Describe(await session.LoadAsync<Complaint>(id), (await session.LoadAsync<StatusPageDocument>(id))?.Status);
        return stored;
    }

    /// <summary>The same key fields, folded from the events with the domain's own functions.</summary>
    public static Dictionary<Guid, string> Folded(IReadOnlyDictionary<Guid, IReadOnlyList<IEvent>> events) =>
        events.ToDictionary(s => s.Key, s => Describe(
            s.Value.Aggregate((Complaint?)null, (state, e) => Complaint.Evolve(state, e.Data)),
            s.Value.Aggregate((CustomerStatus?)null, (view, e) => CustomerStatus.Evolve(view, e.Data))));

    private static IDocumentStore Store => ServiceUnderTest.Services.GetRequiredService<IDocumentStore>();

    private static string Describe(Complaint? complaint, CustomerStatus? page) =>
        $"complaint v{complaint?.Version} {complaint?.Status} held by {complaint?.Holder}, {complaint?.HandoffCount} handoffs; "
        + $"page v{page?.Version} {page?.Status} held by {page?.Holder}, {page?.Milestones.Count} milestones";
}
