using System.Security.Cryptography;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Marten;

namespace Accountability.Api.Features.Webhooks.Register;

public sealed record Command(Request Endpoint, Actor Actor, Idempotency? Idempotency) : ICommand<EndpointWithSecret>;

public sealed class Handler(IDocumentSession session, TargetGuard guard, TimeProvider clock) : ICommandHandler<Command, EndpointWithSecret>
{
    public async Task<Replayable<EndpointWithSecret>> Handle(Command command, CancellationToken cancellationToken)
    {
        var (request, actor) = (command.Endpoint, command.Actor);
        var partyId = request.PartyId ?? actor.PartyId;
        if (!actor.IsOperator && partyId != actor.PartyId)
            throw new ProblemException(ProblemKind.For(RefusalCode.OperatorOnly), "A vendor registers webhooks for itself only.");
        if (await session.LoadAsync<Party>(partyId, cancellationToken) is null)
            throw new ProblemException(ProblemKind.For(RefusalCode.UnknownParty), $"'{partyId}' is not a registered party.");
        if (await guard.ProblemWithAsync(request.Url, cancellationToken) is { } problem)
            throw new ProblemException(ProblemKind.TargetRefused, problem, new Dictionary<string, string[]> { ["url"] = [problem] });

        var now = clock.GetUtcNow();
        var secret = WebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint($"wh_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}", partyId, request.Url,
            [.. request.EventTypes.Distinct()], [new WebhookSecret(secret, now)], Enabled: true, DisabledReason: null, now);
        session.Insert(endpoint);
        return new EndpointWithSecret(WebhookEndpointView.Of(endpoint), secret);
    }
}
