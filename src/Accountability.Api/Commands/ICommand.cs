using MediatR;

namespace Accountability.Api.Commands;

/// <summary>A request that writes. <see cref="CommandTransactionBehavior{TRequest,TResponse}"/> saves it in one transaction.</summary>
public interface ICommand<TResponse> : IRequest<Replayable<TResponse>>, ICommand;

public interface ICommand
{
    /// <summary>The caller's Idempotency-Key with a fingerprint of the request it came with, if any.</summary>
    Idempotency? Idempotency { get; }
}
