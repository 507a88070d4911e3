using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Policies.Replace;

public sealed record Command(Request Policy, long? ExpectedVersion, string KeyId, Idempotency? Idempotency) : ICommand<Policy>;

/// <summary>Replaces the policy as a whole; complaints are judged by the new version from their next event on.</summary>
public sealed class Handler(IDocumentSession session, TimeProvider clock) : ICommandHandler<Command, Policy>
{
    public async Task<Replayable<Policy>> Handle(Command command, CancellationToken cancellationToken)
    {
        var current = PolicyDocument.Current(await session.LoadAsync<PolicyDocument>(PolicyDocument.CurrentId, cancellationToken));
        if (command.ExpectedVersion is { } expected && expected != current.Version)
            throw ProblemException.Naming(ProblemKind.PreconditionFailed, "If-Match", $"If-Match names policy version {expected} but the policy is at version {current.Version}.");
        var replacement = command.Policy.ToPolicy(current.Version + 1);
        session.Store(new PolicyDocument(PolicyDocument.CurrentId, replacement, clock.GetUtcNow(), command.KeyId));
        return replacement;
    }
}
