using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;

namespace Accountability.Api.Features.SetAside;

/// <summary>
/// The events set aside by the projection daemon, kept as Marten's dead letters, listed and retried by tenant (or for
/// every tenant, from the command line). A retry runs the one projection or subscription again for the event: on
/// success the record goes; on failure it stays, with the new error.
/// </summary>
public sealed class SetAsideEvents(IDocumentStore store, IEnumerable<ISetAsideRetry> retries, TimeProvider clock)
{
    /// <param name="tenant">One tenant's events, or null for every tenant's.</param>
    public async Task<IReadOnlyList<SetAsideEvent>> ListAsync(string? tenant, Guid? id, CancellationToken ct)
    {
        var letters = await LettersAsync(tenant, id, ct);
        var listed = new List<SetAsideEvent>();
        foreach (var inTenant in letters.GroupBy(l => l.TenantId ?? ""))
        {
            await using var query = store.QuerySession(inTenant.Key);
            var sequences = inTenant.Select(l => l.EventSequence).ToArray();
            var events = (await query.Events.QueryAllRawEvents().Where(e => e.Sequence.IsOneOf(sequences)).ToListAsync(ct)).ToDictionary(e => e.Sequence);
            listed.AddRange(inTenant.Select(l => SetAsideEvent.Of(l, events.GetValueOrDefault(l.EventSequence))));
        }
        return [.. listed.OrderBy(e => e.Sequence)];
    }

    public async Task<IReadOnlyList<RetryOutcome>> RetryAsync(string? tenant, Guid? id, CancellationToken ct)
    {
        var outcomes = new List<RetryOutcome>();
        foreach (var letter in await LettersAsync(tenant, id, ct))
            outcomes.Add(await RetryAsync(letter, ct));
        return outcomes;
    }

    private async Task<RetryOutcome> RetryAsync(DeadLetterEvent letter, CancellationToken ct)
    {
        var tenant = letter.TenantId ?? "";
        await using var session = store.LightweightSession(tenant);
        try
        {
            var e = (await session.Events.QueryAllRawEvents().Where(x => x.Sequence == letter.EventSequence).ToListAsync(ct)).Single();
            await ProcessAgainAsync(letter.ProjectionName, tenant, e, ct);
            session.Delete(letter);
            await session.SaveChangesAsync(ct);
            return new RetryOutcome(letter.Id, true, null);
        }
        catch (Exception failure) when (SetAsidePolicy.IsTheEventsOwn(failure, ct))
        {
            (letter.ExceptionMessage, letter.ExceptionType, letter.Timestamp) = (failure.Message, failure.GetType().Name, clock.GetUtcNow());
            session.Store(letter);
            await session.SaveChangesAsync(ct);
            return new RetryOutcome(letter.Id, false, failure.Message);
        }
    }

    private Task ProcessAgainAsync(string processor, string tenant, IEvent e, CancellationToken ct) =>
        retries.FirstOrDefault(r => r.ProcessorName == processor) is { } retry
            ? retry.ProcessAgainAsync(store, tenant, e, ct)
            : throw new InvalidOperationException($"Events set aside by '{processor}' cannot be retried here: rebuild it with `projections rebuild`.");

    private async Task<IReadOnlyList<DeadLetterEvent>> LettersAsync(string? tenant, Guid? id, CancellationToken ct)
    {
        await using var query = store.QuerySession();
        IQueryable<DeadLetterEvent> letters = query.Query<DeadLetterEvent>();
        if (tenant is not null)
            letters = letters.Where(l => l.TenantId == tenant);
        if (id is { } one)
            letters = letters.Where(l => l.Id == one);
        return await letters.OrderBy(l => l.EventSequence).ToListAsync(ct);
    }
}
