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
/// Judges deadlines as they fall due, even on complaints nobody touches, on any number of nodes. A pass claims complaints
/// whose next alarm is due (a token and a lease on the database's clock); each alarm's effect (a flag, or a warning's
/// delivery) and its record commit together and only under the claim, so an alarm fires once, and a node that dies
/// mid-fire leaves its claims to another once the lease lapses.
/// </summary>
public sealed class DeadlineScheduler(
    IDocumentStore store, DeadlineTable table, ComplaintStreamWriter writer, WriteContextCache contexts, TimeProvider clock,
    IOptions<DeadlineOptions> options, ILogger<DeadlineScheduler> logger)
    : BackgroundService
{
    /// <summary>Complaints claimed at once: small, so that several nodes share a backlog.</summary>
    private const int Batch = 20;

    /// <summary>How long a claim holds: far longer than firing a claim's alarms takes, and how long a dead node's claims wait.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

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
        try
        {
            if (await table.ConvertScheduledDeadlinesAsync(stoppingToken) is > 0 and var converted)
                logger.LogInformation("Carried the deadlines of {Complaints} complaints from the old deadline documents into their clocks", converted);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Converting the old deadline documents failed; the next start tries again");
        }
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

    /// <summary>Claims up to a batch of complaints with alarms due now and fires them; returns how many it claimed.</summary>
    public async Task<int> FireDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claimed = await table.ClaimAsync(now, Lease, Batch, ct);
        foreach (var complaint in claimed)
            await FireAsync(complaint, now, ct);
        return claimed.Count;
    }

    /// <summary>
    /// Fires a complaint's due alarms earliest first, each in its own transaction with its record, the next read from the
    /// clocks as the last left them (a cancelled clock's deadline does not go off); the last record gives the claim back.
    /// </summary>
    private async Task FireAsync(ClaimedDeadlines claimed, DateTimeOffset now, CancellationToken ct)
    {
        var clocks = claimed.Clocks;
        try
        {
            if (clocks.DueAt(now).Count == 0)
                await table.ReleaseAsync(claimed, ct);
            while (clocks.DueAt(now) is [var alarm, ..])
            {
                await using var session = store.IdentitySession(claimed.TenantId);
                session.CorrelationId = $"deadline:{claimed.TenantId}:{claimed.ComplaintId}:{alarm.Kind}";
                session.LastModifiedBy = RuleEngine.Actor;
                var before = clocks.Of(alarm.Deadline);
                if (alarm.IsWarning)
                    clocks = clocks.With(await WarnAsync(session, claimed.ComplaintId, before, alarm, now, ct));
                else
                {
                    // The claim is checked ahead of the write: a write that starts a new hold (the policy's step-in) writes
                    // that hold's clocks in place of these and drops the claim, so nothing of this row is left to record.
                    DeadlineTable.Record(session, claimed, clocks, release: false);
                    if (await JudgeAsync(session, claimed.ComplaintId, before, alarm, now, ct) is not { } fired)
                    {
                        await session.SaveChangesAsync(ct);
                        return;
                    }
                    clocks = clocks.With(fired);
                }
                DeadlineTable.Record(session, claimed, clocks, release: clocks.DueAt(now).Count == 0);
                await session.SaveChangesAsync(ct);
            }
        }
        catch (ConcurrencyException)
        {
            logger.LogInformation("Complaint {ComplaintId} changed while its deadline was judged; judging it again on the next pass", claimed.ComplaintId);
            await table.ReleaseAsync(claimed, ct);
        }
        catch (DeadlineClaimLost)
        {
            logger.LogInformation("Complaint {ComplaintId}'s deadlines were claimed again or replaced while firing; this node's firing is undone", claimed.ComplaintId);
        }
    }

    /// <summary>
    /// A deadline is judged by the rules through the complaint's write; the clock is then judged as the complaint stood.
    /// Null when the write started a new hold, whose clocks replace these.
    /// </summary>
    private async Task<DeadlineClock?> JudgeAsync(IDocumentSession session, Guid complaintId, DeadlineClock clock, Alarm alarm, DateTimeOffset now, CancellationToken ct)
    {
        var written = await writer.WriteAsync(session, new ComplaintWrite(complaintId, Rules, null, new JudgeDueDeadline(alarm.Deadline)), ct);
        if (written is null)
            return clock with { State = DeadlineState.Cancelled };
        var (policy, parties) = (written.Context.Policy, written.Context.Parties);
        return DeadlineClocks.Started(written.Before, written.After, policy, parties) is null
            ? DeadlineClocks.Fire(clock, alarm, written.Before, policy, parties, now)
            : null;
    }

    /// <summary>A warning appends nothing: it tells the holder, if the deadline is still theirs.</summary>
    private async Task<DeadlineClock> WarnAsync(IDocumentSession session, Guid complaintId, DeadlineClock clock, Alarm alarm, DateTimeOffset now, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var contextQuery = contexts.Queue(session, batch);
        var complaintQuery = batch.Load<Complaint>(complaintId);
        await batch.Execute(ct);
        var (context, complaint) = (await contextQuery(), await complaintQuery);
        var fired = DeadlineClocks.Fire(clock, alarm, complaint, context.Policy, context.Parties, now);
        if (fired.State == DeadlineState.Warned)
            WebhookOutbox.EnqueueDeadlineWarning(session, complaint!, alarm.Kind, fired.Deadline.DueAt, context.Part<WebhookTargets>(), now);
        return fired;
    }
}
