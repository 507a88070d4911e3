using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Webhooks.Update;

public sealed record Command(string Id, Request Changes, Actor Actor, Idempotency? Idempotency) : ICommand<WebhookEndpointView>;

public sealed class Handler(IDocumentSession session, TargetGuard guard) : ICommandHandler<Command, WebhookEndpointView>
{
    public async Task<Replayable<WebhookEndpointView>> Handle(Command command, CancellationToken cancellationToken)
    {
        var endpoint = await WebhookEndpoint.LoadVisibleAsync(session, command.Id, command.Actor, cancellationToken);
        if (await guard.ProblemWithAsync(command.Changes.Url, cancellationToken) is { } problem)
            throw new ProblemException(ProblemKind.TargetRefused, problem, new Dictionary<string, string[]> { ["url"] = [problem] });
        var updated = endpoint with
        {
            Url = command.Changes.Url,
            EventTypes = [.. command.Changes.EventTypes.Distinct()],
            Enabled = command.Changes.Enabled!.Value,
            DisabledReason = command.Changes.Enabled == true ? null : "Paused by its owner.",
            FailingSince = command.Changes.Enabled == true ? null : endpoint.FailingSince,
        };
        session.Store(updated);
        return WebhookEndpointView.Of(updated);
    }
}
