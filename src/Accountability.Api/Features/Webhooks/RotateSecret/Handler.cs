using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Marten;
using Microsoft.Extensions.Options;

namespace Accountability.Api.Features.Webhooks.RotateSecret;

public sealed record Command(string Id, Actor Actor, Idempotency? Idempotency) : ICommand<EndpointWithSecret>;

/// <summary>A new secret signs from now on; the previous ones keep signing alongside it for the grace period.</summary>
public sealed class Handler(IDocumentSession session, TimeProvider clock, IOptions<WebhookOptions> options)
    : ICommandHandler<Command, EndpointWithSecret>
{
    public async Task<Replayable<EndpointWithSecret>> Handle(Command command, CancellationToken cancellationToken)
    {
        var endpoint = await WebhookEndpoint.LoadVisibleAsync(session, command.Id, command.Actor, cancellationToken);
        var now = clock.GetUtcNow();
        var graceEnds = now.AddHours(options.Value.WebhookSecretGraceHours);
        var secret = WebhookSignature.NewSecret();
        var rotated = endpoint with
        {
            Secrets = [.. endpoint.SigningSecrets(now).Select(s => s with { ExpiresAt = s.ExpiresAt ?? graceEnds }), new WebhookSecret(secret, now)],
        };
        session.Store(rotated);
        return new EndpointWithSecret(WebhookEndpointView.Of(rotated), secret);
    }
}
