using JasperFx.Events.Daemon;

namespace Accountability.Api.Features.SetAside;

/// <summary>
/// An event a projection or subscription could not process, set aside so the rest goes on: where it is in the ledger,
/// what failed on it, and when. <paramref name="Id"/> names it for a retry. As the daemon records it, the error is
/// Marten's "Failure to apply event #sequence" and its type the failure's own (whose message is in the worker's log
/// at that sequence); a retry that fails records its own message.
/// </summary>
public sealed record SetAsideEvent(
    Guid Id, string Processor, string Tenant, Guid? StreamId, long Sequence, Guid? EventId, string? EventType, string Error, string? ErrorType,
    DateTimeOffset SetAsideAt)
{
    public static SetAsideEvent Of(DeadLetterEvent letter, JasperFx.Events.IEvent? e) => new(
        letter.Id, letter.ProjectionName, letter.TenantId ?? "", e?.StreamId, letter.EventSequence, e?.Id, e?.EventTypeName, letter.ExceptionMessage,
        letter.ExceptionType, letter.Timestamp);
}

/// <summary>What a retry did: processed (and no longer set aside), or still set aside with the error it failed on now.</summary>
public sealed record RetryOutcome(Guid Id, bool Processed, string? Error);
