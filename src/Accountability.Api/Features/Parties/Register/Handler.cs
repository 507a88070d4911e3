using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Parties;
using Marten;

namespace Accountability.Api.Features.Parties.Register;

public sealed record Command(Party Vendor, Idempotency? Idempotency) : ICommand<Party>;

public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, Party>
{
    public async Task<Replayable<Party>> Handle(Command command, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Party>(command.Vendor.Id, cancellationToken) is not null)
            throw new ProblemException(ProblemKind.AlreadyExists, $"A party with id '{command.Vendor.Id}' is already registered.");
        session.Insert(command.Vendor);
        return command.Vendor;
    }
}
