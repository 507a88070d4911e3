using System.Security.Cryptography;
using System.Text;
using Accountability.Api.Features.Policies;
using Accountability.Domain.Complaints;
using Accountability.Domain.Problems;
using Accountability.Domain.Rules;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Exceptions;
using Marten.Subscriptions;

namespace Accountability.Api.Features.Problems;

/// <summary>
/// Opens recurring problems and links new complaints to them, after the fact: a subscription the projection daemon runs
/// on the worker, so filing a complaint costs no extra query. It reads only committed documents and writes each
/// complaint's outcome in a transaction of its own; a replayed event finds its complaint linked and does nothing, and a
/// problem it opens has an id derived from the complaint that opened it, so running it twice opens nothing twice.
/// </summary>
public sealed class RecurringProblemDetector : SubscriptionBase
{
    public const string SubscriptionName = "RecurringProblems";
    private const int Attempts = 3;
    private readonly ILogger<RecurringProblemDetector> logger;

    public RecurringProblemDetector(ILogger<RecurringProblemDetector> logger)
    {
        this.logger = logger;
        Name = SubscriptionName;
        IncludeType<ComplaintFiled>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var store = operations.DocumentStore;
        foreach (var tenant in page.Events.Where(e => e.Data is ComplaintFiled).GroupBy(e => e.TenantId))
        {
            await using (var read = store.QuerySession(tenant.Key))
            {
                var policy = PolicyDocument.Current(await read.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, cancellationToken)).RecurringProblems;
                if (!policy.Enabled)
                    continue;
                foreach (var e in tenant)
                    await DetectWithRetriesAsync(store, tenant.Key, (ComplaintFiled)e.Data, policy, cancellationToken);
            }
        }
        return NullChangeListener.Instance;
    }

    /// <summary>A lost race (an operator linking the same complaint, resolving the problem) is decided again on fresh data.</summary>
    private async Task DetectWithRetriesAsync(IDocumentStore store, string tenant, ComplaintFiled filed, RecurringProblemSettings policy, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession(tenant);
                session.LastModifiedBy = SubscriptionName;
                await DetectAsync(session, filed, policy, ct);
                return;
            }
            catch (Exception ex) when (attempt < Attempts && ex is ConcurrencyException or DocumentAlreadyExistsException or JasperFx.Events.ExistingStreamIdCollisionException)
            {
                logger.LogInformation("Recurring problems: complaint {Complaint} raced another write; deciding again", filed.ComplaintId);
            }
        }
    }

    private static async Task DetectAsync(IDocumentSession session, ComplaintFiled filed, RecurringProblemSettings policy, CancellationToken ct)
    {
        if (await session.LoadAsync<ProblemLink>(filed.ComplaintId, ct) is not null)
            return;
        var open = await session.Query<RecurringProblem>()
            .Where(p => p.Status == ProblemStatus.Open && p.Product == filed.Product && p.Category == filed.Category)
            .OrderBy(p => p.OpenedAt).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            var stream = await session.Events.FetchForWriting<RecurringProblem>(open.Id, open.Version, ct);
            var link = ProblemDecisions.Link(open, new LinkComplaint(filed.ComplaintId, null), null, filed.At);
            if (link.Refusal is not null)
                return;
            stream.AppendMany(link.Events);
            session.RecordLinks(open.Id, link.Events);
            await session.SaveChangesAsync(ct);
            return;
        }

        var from = filed.At - TimeSpan.FromDays(policy.WindowDays);
        var candidates = await session.Query<Complaint>()
            .Where(c => c.Product == filed.Product && c.Category == filed.Category && c.FiledAt > from && c.FiledAt <= filed.At)
            .Select(c => new Candidate(c.Id, c.FiledAt)).ToListAsync(ct);
        var linked = (await session.LoadManyAsync<ProblemLink>(ct, candidates.Select(c => c.Id))).Select(l => l.Id).ToHashSet();
        var problemId = ProblemIdFor(session.TenantId, filed.ComplaintId);
        var opening = ProblemDecisions.OpenRecurring(problemId, filed.Product, filed.Category,
            candidates.Where(c => !linked.Contains(c.Id)).Select(c => (c.Id, c.FiledAt)), policy, filed.At);
        if (opening.Events.Count == 0)
            return;
        session.Events.StartStream<RecurringProblem>(problemId, opening.Events);
        session.RecordLinks(problemId, opening.Events);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>The same complaint always opens the same problem id, so a replay collides instead of opening a second one.</summary>
    private static Guid ProblemIdFor(string tenant, Guid complaint)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"recurring-problem:{tenant}:{complaint:N}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private sealed record Candidate(Guid Id, DateTimeOffset FiledAt);
}
