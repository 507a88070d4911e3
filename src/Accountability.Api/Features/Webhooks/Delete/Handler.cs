using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Marten;

namespace Accountability.Api.Features.Webhooks.Delete;

public sealed record Command(string Id, Actor Actor) : ICommand<WebhookEndpointView>
{
    public Idempotency? Idempotency => null;
}

public sealed class Handler(IDocumentSession session) : ICommandHandler<Command, WebhookEndpointView>
{
    public async Task<Replayable<WebhookEndpointView>> Handle(Command command, CancellationToken cancellationToken)
    {
        var endpoint = await WebhookEndpoint.LoadVisibleAsync(session, command.Id, command.Actor, cancellationToken);
        session.Delete(endpoint);
        return WebhookEndpointView.Of(endpoint);
    }
}
