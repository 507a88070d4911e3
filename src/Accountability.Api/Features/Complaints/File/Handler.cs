using Accountability.Api.Commands;
using Accountability.Api.Problems;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Marten;

namespace Accountability.Api.Features.Complaints.File;

public sealed record Command(FileComplaint Complaint, Actor Actor, Idempotency? Idempotency) : ICommand<ComplaintView>;

public sealed class Handler(IDocumentSession session, TimeProvider clock) : MediatR.IRequestHandler<Command, ComplaintView>
{
    public async Task<ComplaintView> Handle(Command command, CancellationToken cancellationToken)
    {
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var decision = ComplaintDecisions.File(command.Complaint, command.Actor, parties, now);
        if (decision.Refusal is { } refusal)
            throw new ProblemException(ProblemKind.For(refusal.Code), refusal.Detail);

        session.Events.StartStream<Complaint>(command.Complaint.ComplaintId, decision.Events);
        var state = decision.Events.Aggregate((Complaint?)null, Complaint.Evolve)! with { Version = decision.Events.Count };
        return ComplaintView.From(state, parties, now);
    }
}
