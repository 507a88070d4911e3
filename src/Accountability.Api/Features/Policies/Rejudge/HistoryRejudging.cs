using Accountability.Api.Persistence;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using JasperFx;
using Marten;

namespace Accountability.Api.Features.Policies.Rejudge;

/// <summary>
/// Re-judges a tenant's complaints one page at a time (<see cref="Rejudging"/>) and appends each complaint's differences
/// at the version it was read at, so a complaint written to meanwhile is read and judged again rather than overwritten.
/// The events go straight to the stream (and the complaint's list row): no escalation, webhook or deadline follows them. The API and the command line both ask it.
/// </summary>
public static class HistoryRejudging
{
    private const int PageSize = 200;
    private const int Attempts = 2;

    public static async Task<Response> RunAsync(IDocumentStore store, string tenant, bool dryRun, DateTimeOffset now, CancellationToken ct)
    {
        await using var reader = store.QuerySession(tenant);
        var policy = PolicyDocument.Current(await reader.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, ct));
        var parties = new PartyDirectory(await reader.Query<Party>().ToListAsync(ct));
        var ids = await reader.Query<Complaint>().OrderBy(c => c.FiledAt).Select(c => c.Id).ToListAsync(ct);

        var changed = new List<ComplaintChanges>();
        var conflicts = new List<Guid>();
        foreach (var page in ids.Chunk(PageSize))
        {
            foreach (var (id, history) in await ComplaintHistories.ReadAsync(reader, page, ct))
            {
                var judged = Rejudging.Judge(history, policy, parties, now);
                if (!judged.IsEmpty && !dryRun)
                    judged = await AppendAsync(store, tenant, id, judged, history.Count, policy, parties, now, ct);
                if (judged is null)
                    conflicts.Add(id);
                else if (!judged.IsEmpty)
                    changed.Add(new ComplaintChanges(id, [.. judged.Raised.Select(f => f.Rule)], [.. judged.Withdrawn.Select(f => f.Rule)]));
            }
        }
        var byRule = RuleIds.All.ToDictionary(rule => rule,
            rule => new RuleChanges(changed.Sum(c => c.Raised.Count(r => r == rule)), changed.Sum(c => c.Withdrawn.Count(r => r == rule))));
        return new Response(policy.Version, dryRun, ids.Count, changed.Count, conflicts, byRule, changed);
    }

    /// <summary>
    /// Appends the differences expecting the stream at <paramref name="version"/>; when another write came first, reads the
    /// complaint again and judges it anew. Returns what was written, or null when every attempt met another write.
    /// </summary>
    internal static async Task<Rejudgement?> AppendAsync(IDocumentStore store, string tenant, Guid id, Rejudgement judged, long version,
        Policy policy, PartyDirectory parties, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.IdentitySession(tenant);
                session.CorrelationId = $"rejudge:{Guid.NewGuid():N}";
                var stream = await session.Events.FetchForWriting<Complaint>(id, version, ct);
                stream.AppendMany(judged.Events);
                // The flags change what the list shows and filters on: its row follows in the same transaction.
                var after = judged.Events.Aggregate(stream.Aggregate, (state, e) => Complaint.Evolve(state, e))!;
                ComplaintListTable.Write(session, after, RunningClock.Of(after, policy, parties));
                await session.SaveChangesAsync(ct);
                return judged;
            }
            catch (ConcurrencyException) when (attempt < Attempts)
            {
                await using var reader = store.QuerySession(tenant);
                var history = (await ComplaintHistories.ReadAsync(reader, [id], ct))[id];
                (judged, version) = (Rejudging.Judge(history, policy, parties, now), history.Count);
                if (judged.IsEmpty)
                    return judged;
            }
            catch (ConcurrencyException)
            {
                return null;
            }
        }
    }
}
