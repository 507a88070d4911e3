using JasperFx.Events.Daemon;

namespace Accountability.Api.Features.SetAside;

/// <summary>
/// An event a projection or subscription could not process, set aside so the rest goes on: where it is in the ledger,
/// what failed on it, and when. <paramref name="Id"/> names it for a retry. As the daemon records it, the error is
/// Marten's "Failure to apply event #sequence" and its type the failure's own (whose message is in the worker's log
/// at that sequence); a retry that fails records its own message.
/// </summary>
/// <param name="Id">The set-aside record's id, to retry it.</param>
/// <param name="Processor">The projection or subscription that could not process the event.</param>
/// <param name="Tenant">The tenant whose event it is.</param>
/// <param name="StreamId">The stream (complaint or problem) the event belongs to; null when the event could not be loaded.</param>
/// <param name="Sequence">The event's position in the whole event store.</param>
/// <param name="EventId">The event's id; null when the event could not be loaded.</param>
/// <param name="EventType">The event's type name; null when the event could not be loaded.</param>
/// <param name="Error">What failed, as recorded.</param>
/// <param name="ErrorType">The failure's .NET exception type, when recorded.</param>
/// <param name="SetAsideAt">When the event was set aside.</param>
public sealed record SetAsideEvent(
    Guid Id, string Processor, string Tenant, Guid? StreamId, long Sequence, Guid? EventId, string? EventType, string Error, string? ErrorType,
    DateTimeOffset SetAsideAt)
{
    public static SetAsideEvent Of(DeadLetterEvent letter, JasperFx.Events.IEvent? e) => new(
        letter.Id, letter.ProjectionName, letter.TenantId ?? "", e?.StreamId, letter.EventSequence, e?.Id, e?.EventTypeName, letter.ExceptionMessage,
        letter.ExceptionType, letter.Timestamp);
}

/// <summary>What a retry did: processed (and no longer set aside), or still set aside with the error it failed on now.</summary>
/// <param name="Id">The set-aside record's id.</param>
/// <param name="Processed">True when the retry processed the event and it is no longer set aside.</param>
/// <param name="Error">The error the retry failed on; null when it was processed.</param>
public sealed record RetryOutcome(Guid Id, bool Processed, string? Error);
