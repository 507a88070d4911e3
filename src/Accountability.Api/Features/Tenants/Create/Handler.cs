using Accountability.Api.Commands;
using Accountability.Api.Features.ApiKeys;
using Accountability.Api.Persistence;
using Accountability.Api.Http;
using Accountability.Domain.Parties;
using Marten;

namespace Accountability.Api.Features.Tenants.Create;

public sealed record Command(string Id, string Name, string StoreName, Idempotency? Idempotency) : ICommand<Response>;

/// <summary>A new marketplace: the tenant, its store party, and a first operator key to do the rest with.</summary>
public sealed class Handler(IDocumentSession session, TimeProvider clock, ApiKeyMint mint, TenantDatabases databases) : ICommandHandler<Command, Response>
{
    public async Task<Replayable<Response>> Handle(Command command, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<Tenant>(command.Id, cancellationToken) is not null)
            throw new ProblemException(ProblemKind.AlreadyExists, $"A tenant with id '{command.Id}' already exists.");
        if (!databases.HasPlaceFor(command.Id))
            throw new ProblemException(ProblemKind.Validation,
                $"No database holds a tenant with id '{command.Id}': list it in a group of Accountability:TenantDatabases first.");
        var now = clock.GetUtcNow();
        var tenant = new Tenant(command.Id, command.Name, now);
        var (stored, shown) = mint.Issue(tenant.Id, Party.StoreId, isStore: true, "first operator key", now);
        session.Insert(tenant);
        // Stored, not inserted: in a group's database it commits before the registry row, and a retry after a failure
        // between the two finds it there; the registry row's insert still refuses a second marketplace of this id.
        await databases.WriteTenantAsync(session, tenant.Id,
            own => own.Store(new Party(Party.StoreId, PartyKind.Store, command.StoreName)), cancellationToken);
        session.Insert(stored);
        return new Response(tenant.Id, tenant.Name, now, shown);
    }
}
