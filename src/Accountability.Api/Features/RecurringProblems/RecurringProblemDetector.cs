using System.Security.Cryptography;
using System.Text;
using Accountability.Api.Commands;
using Accountability.Api.Features.Policies;
using Accountability.Api.Features.SetAside;
using Accountability.Domain.Complaints;
using Accountability.Domain.RecurringProblems;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace Accountability.Api.Features.RecurringProblems;

/// <summary>
/// Opens recurring problems and links new complaints to them, after the fact: a subscription the projection daemon runs
/// on the worker, so filing a complaint costs no extra query. It reads only committed documents and writes what one
/// page of events decides for a tenant in one transaction; a replayed event finds its complaint linked and does nothing,
/// and a problem it opens has an id derived from the complaint that opened it, so running it twice opens nothing twice.
/// A tenant's page that fails is decided again one complaint at a time, and a complaint that still fails is set aside
/// (a dead letter) so that every other complaint and tenant goes on.
/// </summary>
public sealed class RecurringProblemDetector : SubscriptionBase, ISetAsideRetry
{
    public const string SubscriptionName = "RecurringProblems";
    private const int Attempts = 3;
    private readonly ILogger<RecurringProblemDetector> logger;
    private readonly ProcessingFaults faults;
    private readonly IServiceProvider services;

    /// <param name="services">Read at processing time for the write context and the problem write reactions: the store is built by then.</param>
    public RecurringProblemDetector(ILogger<RecurringProblemDetector> logger, ProcessingFaults faults, IServiceProvider services)
    {
        this.logger = logger;
        this.faults = faults;
        this.services = services;
        Name = SubscriptionName;
        IncludeType<ComplaintFiled>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var store = operations.DocumentStore;
        foreach (var tenant in page.Events.Where(e => e.Data is ComplaintFiled).GroupBy(e => e.TenantId))
        {
            IReadOnlyList<IEvent> filed = [.. tenant.OrderBy(e => ((ComplaintFiled)e.Data).At)];
            try
            {
                await DetectWithRetriesAsync(store, tenant.Key, filed, cancellationToken);
            }
            catch (Exception failure) when (SetAsidePolicy.IsTheEventsOwn(failure, cancellationToken))
            {
                logger.LogWarning(failure, "Recurring problems: tenant {Tenant}'s page failed; deciding its complaints one by one", tenant.Key);
                foreach (var e in filed)
                {
                    try
                    {
                        await DetectWithRetriesAsync(store, tenant.Key, [e], cancellationToken);
                    }
                    catch (Exception own) when (SetAsidePolicy.IsTheEventsOwn(own, cancellationToken))
                    {
                        await controller.RecordDeadLetterEventAsync(e, own);
                    }
                }
            }
        }
        return NullChangeListener.Instance;
    }

    /// <summary>Decides one complaint again, as a retry of a set-aside event does; throws if it still fails.</summary>
    public Task ProcessAgainAsync(IDocumentStore store, string tenant, IEvent filed, CancellationToken ct) => DetectWithRetriesAsync(store, tenant, [filed], ct);

    public string ProcessorName => SubscriptionName;

    /// <summary>A lost race (an operator linking the same complaint, resolving the problem) is decided again on fresh data.</summary>
    private async Task DetectWithRetriesAsync(IDocumentStore store, string tenant, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
            faults.BeforeProcessing(SubscriptionName, e);
        IReadOnlyList<ComplaintFiled> filed = [.. events.Select(e => (ComplaintFiled)e.Data)];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var session = store.LightweightSession(tenant);
                session.LastModifiedBy = SubscriptionName;
                await DetectAsync(session, filed, ct);
                return;
            }
            catch (Exception ex) when (attempt < Attempts && LostRace.Is(ex))
            {
                logger.LogInformation("Recurring problems: tenant {Tenant} raced another write; deciding again", tenant);
            }
        }
    }

    /// <summary>
    /// One tenant's newly filed complaints, oldest first, decided with four reads and saved in one transaction: each is
    /// linked to the open problem of its product and category, or counted towards opening one. A page that appends reads
    /// the write context too (one batch, its versions only when cached), for the webhooks its events call for.
    /// </summary>
    private async Task DetectAsync(IDocumentSession session, IReadOnlyList<ComplaintFiled> filed, CancellationToken ct)
    {
        var policy = PolicyDocument.Current(await session.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, ct)).RecurringProblems;
        if (!policy.Enabled)
            return;
        var products = filed.Select(f => f.Product).Distinct().ToArray();
        var (from, to) = (WindowStart(filed[0].At, policy.WindowDays), filed[^1].At);
        var candidates = await session.Query<Complaint>()
            .Where(c => c.Product.IsOneOf(products) && c.FiledAt > from && c.FiledAt <= to)
            .Select(c => new Candidate(c.Id, c.Product, c.Category, c.FiledAt)).ToListAsync(ct);
        var linked = (await session.LoadManyAsync<ProblemLink>(ct, candidates.Select(c => c.Id).Concat(filed.Select(f => f.ComplaintId)).Distinct()))
            .Select(l => l.Id).ToHashSet();
        if (filed.All(f => linked.Contains(f.ComplaintId)))
            return;
        var open = (await session.Query<RecurringProblem>().Where(p => p.Status == ProblemStatus.Open && p.Product.IsOneOf(products)).ToListAsync(ct))
            .GroupBy(p => (p.Product, p.Category)).ToDictionary(g => g.Key, g => g.MinBy(p => p.OpenedAt)!);

        var (problems, pending) = (new Dictionary<(string, string), RecurringProblem>(open), new Dictionary<Guid, List<IProblemEvent>>());
        foreach (var complaint in filed.Where(f => !linked.Contains(f.ComplaintId)))
        {
            var kind = (complaint.Product, complaint.Category);
            var decision = problems.TryGetValue(kind, out var problem)
                ? ProblemDecisions.Link(problem, new LinkComplaint(complaint.ComplaintId, null), null, complaint.At)
                : ProblemDecisions.OpenRecurring(ProblemIdFor(session.TenantId, complaint.ComplaintId), kind.Product, kind.Category,
                    candidates.Where(c => (c.Product, c.Category) == kind && !linked.Contains(c.Id)).Select(c => (c.Id, c.FiledAt)), policy, complaint.At);
            if (decision.Refusal is not null || decision.Events.Count == 0)
                continue;
            problems[kind] = decision.Events.Aggregate(problem, (s, e) => RecurringProblem.Evolve(s, e))!;
            pending.TryAdd(problems[kind].Id, []);
            pending[problems[kind].Id].AddRange(decision.Events);
            linked.UnionWith(decision.Events.OfType<ComplaintLinked>().Select(l => l.ComplaintId));
        }
        foreach (var (id, events) in pending)
        {
            if (open.Values.FirstOrDefault(p => p.Id == id) is { } existing)
                (await session.Events.FetchForWriting<RecurringProblem>(id, existing.Version, ct)).AppendMany(events);
            else
                session.Events.StartStream<RecurringProblem>(id, events);
            session.RecordLinks(id, events);
        }
        if (pending.Count == 0)
            return;
        await ReactAsync(session, pending.Select(p => (open.Values.FirstOrDefault(o => o.Id == p.Key), (IReadOnlyList<IProblemEvent>)p.Value)), ct);
        await session.SaveChangesAsync(ct);
    }

    /// <summary>Runs the problem write reactions (webhooks) on what this page appended, in its transaction, as a problem's command does.</summary>
    private async Task ReactAsync(IDocumentSession session, IEnumerable<(RecurringProblem? Before, IReadOnlyList<IProblemEvent> Events)> written, CancellationToken ct)
    {
        var reactions = services.GetServices<IProblemWriteReaction>().ToArray();
        if (reactions.Length == 0)
            return;
        var batch = session.CreateBatchQuery();
        var contextQuery = services.GetRequiredService<Complaints.Caching.WriteContextCache>().Queue(session, batch);
        await batch.Execute(ct);
        var context = await contextQuery();
        foreach (var (before, events) in written)
            foreach (var reaction in reactions)
                reaction.React(session, new WrittenProblem(before, events, context, events[^1].At));
    }

    /// <summary>The window's start, clamped at the earliest time there is: a complaint filed near it still has a window.</summary>
    internal static DateTimeOffset WindowStart(DateTimeOffset filedAt, int windowDays) =>
        (filedAt - DateTimeOffset.MinValue).TotalDays < windowDays ? DateTimeOffset.MinValue : filedAt.AddDays(-windowDays);

    /// <summary>The same complaint always opens the same problem id, so a replay collides instead of opening a second one.</summary>
    private static Guid ProblemIdFor(string tenant, Guid complaint)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"recurring-problem:{tenant}:{complaint:N}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }

    private sealed record Candidate(Guid Id, string Product, string Category, DateTimeOffset FiledAt);
}
