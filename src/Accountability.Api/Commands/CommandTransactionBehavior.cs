using System.Text.Json;
using Accountability.Api.Http;
using Marten;
using MediatR;

namespace Accountability.Api.Commands;

/// <summary>
/// Runs a command as one unit of work: replays the saved response of a repeated Idempotency-Key,
/// otherwise lets the handler append, saves its events with the response in one transaction,
/// and turns a lost race into a 409. A handler that throws saves nothing. A command's response is a
/// <see cref="Replayable{T}"/>: a replayed one says so, for the endpoint to tell the caller.
/// </summary>
public sealed class CommandTransactionBehavior<TRequest, TResponse>(
    IDocumentSession session, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ICommand command)
            return await next();
        var idempotency = command.Idempotency;
        if (idempotency is not null && await session.LoadAsync<IdempotentResponse>(idempotency.Id, cancellationToken) is { } earlier)
            return Replay(earlier, idempotency);

        var response = await next();
        if (idempotency is not null)
        {
            var value = ((IReplayable)response!).Value;
            var saved = value is IShowsSecretOnce secret ? secret.WithoutSecret() : value;
            session.Insert(new IdempotentResponse(idempotency.Id, idempotency.Fingerprint, JsonSerializer.Serialize(saved, Json), clock.GetUtcNow()));
        }
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return response;
        }
        catch (Exception ex) when (LostRace.Is(ex))
        {
            // The same key may have won the race on another request: answer what it answered.
            if (idempotency is not null && await FindAsync(idempotency, cancellationToken) is { } winner)
                return Replay(winner, idempotency);
            throw new ProblemException(ProblemKind.ConcurrentUpdate, "Another request changed this resource first; read it again and retry.");
        }
    }

    private async Task<IdempotentResponse?> FindAsync(Idempotency idempotency, CancellationToken ct)
    {
        await using var fresh = session.DocumentStore.QuerySession(session.TenantId);
        return await fresh.LoadAsync<IdempotentResponse>(idempotency.Id, ct);
    }

    private TResponse Replay(IdempotentResponse earlier, Idempotency idempotency)
    {
        if (earlier.Fingerprint != idempotency.Fingerprint)
            throw new ProblemException(ProblemKind.IdempotencyKeyReused, "This Idempotency-Key was already used with a different request.");
        // Only commands reach here, and a command's response is a Replayable<T>: the saved value is a T.
        var value = JsonSerializer.Deserialize(earlier.Response, typeof(TResponse).GetGenericArguments()[0], Json);
        return (TResponse)Activator.CreateInstance(typeof(TResponse), value, true)!;
    }
}
