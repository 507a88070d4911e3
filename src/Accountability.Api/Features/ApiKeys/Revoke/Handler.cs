using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Api.Persistence;
using Marten;

namespace Accountability.Api.Features.ApiKeys.Revoke;

public sealed record Command(string TenantId, string KeyId) : ICommand<ApiKeyView>
{
    public Idempotency? Idempotency => null;
}

public sealed class Handler(IDocumentSession session, TimeProvider clock, TenantDatabases databases) : ICommandHandler<Command, ApiKeyView>
{
    public async Task<Replayable<ApiKeyView>> Handle(Command command, CancellationToken cancellationToken)
    {
        await using var master = databases.MasterSessionFor(session);
        if (await (master ?? session).LoadAsync<ApiKey>(command.KeyId, cancellationToken) is not { } key || key.TenantId != command.TenantId)
            throw new ProblemException(ProblemKind.NotFound, $"No API key {command.KeyId}.");
        if (key.IsRevoked)
            return ApiKeyView.Of(key);
        var revoked = key with { RevokedAt = clock.GetUtcNow() };
        await databases.WriteMasterAsync(session, command.TenantId, keys => keys.Store(revoked), cancellationToken);
        return ApiKeyView.Of(revoked);
    }
}
