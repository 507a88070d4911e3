using Accountability.Api.Commands;
using Marten;

namespace Accountability.Api.Features.Standing.Evaluate;

public sealed record Command(string VendorId, Idempotency? Idempotency) : ICommand<IReadOnlyList<StandingEntry>>;

/// <summary>Evaluates one vendor now, as the periodic evaluator does; the transaction behaviour saves what it recorded.</summary>
public sealed class Handler(IDocumentSession session, StandingStore standings) : ICommandHandler<Command, IReadOnlyList<StandingEntry>>
{
    public async Task<Replayable<IReadOnlyList<StandingEntry>>> Handle(Command command, CancellationToken cancellationToken) =>
        new(await standings.EvaluateAsync(session, command.VendorId, cancellationToken), Replayed: false);
}
