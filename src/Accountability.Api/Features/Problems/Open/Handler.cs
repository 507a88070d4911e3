using Accountability.Api.Commands;
using Accountability.Api.Problems;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.Problems;
using Marten;

namespace Accountability.Api.Features.Problems.Open;

public sealed record Command(OpenProblem Problem, Actor Actor, Idempotency? Idempotency) : ICommand<ProblemView>;

public sealed class Handler(IDocumentSession session, TimeProvider clock) : ICommandHandler<Command, ProblemView>
{
    public async Task<Replayable<ProblemView>> Handle(Command command, CancellationToken cancellationToken)
    {
        var decision = ProblemDecisions.Open(command.Problem, command.Actor, clock.GetUtcNow());
        if (decision.Refusal is { } refusal)
            throw new ProblemException(ProblemKind.For(refusal.Code), refusal.Detail);
        session.Events.StartStream<RecurringProblem>(command.Problem.ProblemId, decision.Events);
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(cancellationToken));
        var opened = decision.Events.Aggregate((RecurringProblem?)null, (s, e) => RecurringProblem.Evolve(s, e))!;
        return ProblemView.From(opened, parties, 0);
    }
}
