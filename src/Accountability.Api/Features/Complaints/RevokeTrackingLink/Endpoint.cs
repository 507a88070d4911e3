using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Complaints.RevokeTrackingLink;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<ComplaintView>
{
    public override void Configure()
    {
        Delete("complaints/{id:guid}/tracking-link");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Revoke the customer's status page link",
            "Revokes the customer's status page link: it answers 404 like any unknown link from now on.").Apply);
        Description(d => d.ProducesProblems(401, 403, 404, 409, 412));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var command = new ActOnComplaint(Route<Guid>("id"), User.Actor(), RequestHeaders.ExpectedVersion(HttpContext),
            IdempotencyKeys.Of(HttpContext, new { revoke = true }),
            new Domain.Decisions.RevokeTrackingLink());
        var view = await mediator.SendCommandAsync(command, HttpContext.Response, ct);
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(view.Version);
        await Send.OkAsync(view, ct);
    }
}
