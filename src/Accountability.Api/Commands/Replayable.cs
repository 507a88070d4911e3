using MediatR;

namespace Accountability.Api.Commands;

/// <summary>A command's answer, and whether it is the saved answer to an earlier request with the same Idempotency-Key.</summary>
public sealed record Replayable<T>(T Value, bool Replayed) : IReplayable
{
    object? IReplayable.Value => Value;

    public static implicit operator Replayable<T>(T value) => new(value, Replayed: false);
}

public interface IReplayable
{
    object? Value { get; }
}

/// <summary>Handles a command: answers its value; <see cref="CommandTransactionBehavior{TRequest,TResponse}"/> says whether it was replayed.</summary>
public interface ICommandHandler<in TCommand, TResponse> : IRequestHandler<TCommand, Replayable<TResponse>> where TCommand : ICommand<TResponse>;

public static class CommandAnswers
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>Sends the command and answers its value; a replayed answer says so in the response's Idempotent-Replayed header.</summary>
    public static async Task<T> SendCommandAsync<T>(this IMediator mediator, ICommand<T> command, HttpResponse response, CancellationToken ct) =>
        Answer(await mediator.Send(command, ct), response);

    public static T Answer<T>(Replayable<T> answer, HttpResponse response)
    {
        if (answer.Replayed)
            response.Headers.Append(ReplayedHeader, "true");
        return answer.Value;
    }
}
