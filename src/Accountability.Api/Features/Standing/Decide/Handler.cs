using Accountability.Api.Commands;
using Accountability.Domain.Decisions;
using Accountability.Domain.Standing;
using Marten;

namespace Accountability.Api.Features.Standing.Decide;

public sealed record Command(string VendorId, StandingDecisionKind Decision, string Reason, Actor Actor, Idempotency? Idempotency)
    : ICommand<IReadOnlyList<StandingEntry>>;

/// <summary>Records the operator's decision on the vendor's standing stream; the transaction behaviour saves it with its webhook.</summary>
public sealed class Handler(IDocumentSession session, StandingStore standings) : ICommandHandler<Command, IReadOnlyList<StandingEntry>>
{
    public async Task<Replayable<IReadOnlyList<StandingEntry>>> Handle(Command command, CancellationToken cancellationToken) =>
        new(await standings.DecideAsync(session, command.VendorId, command.Decision, command.Reason, command.Actor, cancellationToken), Replayed: false);
}
