using Accountability.Api.Background;
using Accountability.Api.Features.Complaints.Caching;
using Accountability.Api.Features.Complaints.Writing;
using Accountability.Api.Features.Webhooks;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Rules;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Deadlines;

/// <summary>
/// Judges deadlines as they fall due, even on complaints nobody touches. A deadline fires once: its flag and the
/// removal of the deadline commit together, and a concurrent writer on the complaint makes one of them retry later.
/// </summary>
public sealed class DeadlineScheduler(
    IDocumentStore store, ComplaintStreamWriter writer, WriteContextCache contexts, TimeProvider clock, IOptions<DeadlineOptions> options, ILogger<DeadlineScheduler> logger)
    : BackgroundService
{
    private const int Batch = 100;

    /// <summary>The rules judge on the marketplace's authority: every complaint of the tenant is theirs to judge.</summary>
    private static readonly Actor Rules = new(RuleEngine.Actor, ActorKind.Operator);

    private readonly PassRequests passes = new();

    /// <summary>Wakes the scheduler; completes when a pass over the due deadlines that began after this call has finished.</summary>
    public Task RunPassNowAsync() => options.Value.RunScheduler
        ? passes.RequestAsync()
        : Task.FromException(new InvalidOperationException("This node runs no deadline scheduler."));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunScheduler)
            return;
        var interval = TimeSpan.FromSeconds(options.Value.DeadlinePollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var requests = passes.Take();
            try
            {
                while (await FireDueAsync(stoppingToken) == Batch) { }
                PassRequests.Answer(requests);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Judging due deadlines failed; trying again on the next tick");
                PassRequests.Answer(requests, ex);
            }
            await passes.WaitAsync(interval, stoppingToken);
        }
    }

    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<ScheduledDeadline> due;
        await using (var query = store.QuerySession())
            due = await query.Query<ScheduledDeadline>().Where(d => d.DueAt <= now).OrderBy(d => d.DueAt).Take(Batch).ToListAsync(ct);
        foreach (var deadline in due)
            await FireAsync(deadline, now, ct);
        return due.Count;
    }

    private async Task FireAsync(ScheduledDeadline deadline, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.IdentitySession(deadline.TenantId);
        session.CorrelationId = $"deadline:{deadline.Id}";
        session.LastModifiedBy = RuleEngine.Actor;
        if (deadline.IsWarning)
            await WarnAsync(session, deadline, now, ct);
        else
            await writer.WriteAsync(session, new ComplaintWrite(deadline.ComplaintId, Rules, null, new JudgeDueDeadline(deadline.ToDeadline())), ct);
        session.Delete<ScheduledDeadline>(deadline.Id);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (ConcurrencyException)
        {
            logger.LogInformation("Complaint {ComplaintId} changed while its deadline was judged; judging it again next tick", deadline.ComplaintId);
        }
    }

    /// <summary>A warning appends nothing: it tells the holder, if the deadline is still theirs.</summary>
    private async Task WarnAsync(IDocumentSession session, ScheduledDeadline deadline, DateTimeOffset now, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        var complaintQuery = batch.Load<Complaint>(deadline.ComplaintId);
        await batch.Execute(ct);
        var (context, complaint) = (await contextQuery(), await complaintQuery);
        if (complaint is not null && StalledHolderRule.StillOwed(complaint, deadline.ToDeadline()))
            WebhookOutbox.EnqueueDeadlineWarning(session, complaint, deadline.Kind, deadline.ToDeadline().DueAt, context.Endpoints, now);
    }
}
