using MediatR;

namespace Accountability.Api.Commands;

/// <summary>A request that writes. <see cref="CommandTransactionBehavior{TRequest,TResponse}"/> saves it in one transaction.</summary>
public interface ICommand<TResponse> : IRequest<Replayable<TResponse>>, ICommand;

public interface ICommand
{
    /// <summary>The caller's Idempotency-Key with a fingerprint of the request it came with, if any.</summary>
    Idempotency? Idempotency { get; }
}

/// <param name="Id">Unique per acting party: two parties may use the same key without colliding.</param>
/// <param name="Fingerprint">Hash of the request, to refuse the same key sent with a different request.</param>
public sealed record Idempotency(string Id, string Fingerprint);
