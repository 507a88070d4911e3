using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Marten;
using Marten.Patching;

namespace Accountability.Api.Features.Webhooks.Update;

public sealed record Command(string Id, Request Changes, Actor Actor, Idempotency? Idempotency) : ICommand<WebhookEndpointView>;

public sealed class Handler(IDocumentSession session, TargetGuard guard) : ICommandHandler<Command, WebhookEndpointView>
{
    public async Task<Replayable<WebhookEndpointView>> Handle(Command command, CancellationToken cancellationToken)
    {
        var endpoint = await WebhookEndpoint.LoadVisibleAsync(session, command.Id, command.Actor, cancellationToken);
        if (await guard.ProblemWithAsync(command.Changes.Url, cancellationToken) is { } problem)
            throw new ProblemException(ProblemKind.TargetRefused, problem, new Dictionary<string, string[]> { ["url"] = [problem] });
        var enabled = command.Changes.Enabled!.Value;
        var updated = endpoint with
        {
            Url = command.Changes.Url,
            EventTypes = [.. command.Changes.EventTypes.Distinct()],
            Enabled = enabled,
            DisabledReason = enabled ? null : "Paused by its owner.",
            FailingSince = enabled ? null : endpoint.FailingSince,
        };
        // Only the owner's fields, so that a dispatcher's health write made since the read is never overwritten with what
        // was read; re-enabling starts the endpoint's health afresh.
        var patch = session.Patch<WebhookEndpoint>(endpoint.Id).Set(e => e.Url, updated.Url).Set(e => e.EventTypes, updated.EventTypes)
            .Set(e => e.Enabled, enabled).Set(e => e.DisabledReason, updated.DisabledReason);
        if (enabled)
            patch.Set(e => e.FailingSince, null);
        return WebhookEndpointView.Of(updated);
    }
}
