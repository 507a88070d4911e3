using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Accountability.Domain.Parties;
using Marten;

namespace Accountability.Api.Features.ApiKeys.Create;

public sealed record Command(string TenantId, string PartyId, string Name, Idempotency? Idempotency) : ICommand<CreatedApiKey>;

public sealed class Handler(IDocumentSession session, TimeProvider clock, ApiKeyMint mint, TenantDatabases databases) : ICommandHandler<Command, CreatedApiKey>
{
    public async Task<Replayable<CreatedApiKey>> Handle(Command command, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Party>(command.PartyId, cancellationToken) is not { } party)
            throw new ProblemException(ProblemKind.For(Domain.Decisions.RefusalCode.UnknownParty), $"'{command.PartyId}' is not a registered party.");
        var (stored, shown) = mint.Issue(command.TenantId, party.Id, party.Kind == PartyKind.Store, command.Name, clock.GetUtcNow());
        await databases.WriteMasterAsync(session, command.TenantId, master => master.Insert(stored), cancellationToken);
        return shown;
    }
}
