using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.TrackingLinks;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Complaints.ReissueTrackingLink;

public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<ComplaintView>
{
    public override void Configure()
    {
        Post("complaints/{id:guid}/tracking-link");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Issue the customer a new status page link",
            "Issues the customer a new status page link (trackingLink, shown this once); the previous link stops working.").Apply);
        Description(d => d.ProducesProblems(401, 403, 404, 409, 412));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var (token, hash) = TrackingToken.New();
        var command = new ActOnComplaint(Route<Guid>("id"), User.Actor(), RequestHeaders.ExpectedVersion(HttpContext),
            IdempotencyKeys.Of(HttpContext, new { reissue = true }), new Domain.Decisions.ReissueTrackingLink(hash));
        var answer = await mediator.Send(command, ct);
        var view = CommandAnswers.Answer(answer, HttpContext.Response);
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(view.Version);
        // A replayed Idempotency-Key decided nothing now: its token was never stored, so no link is shown.
        await Send.OkAsync(answer.Replayed ? view : view with { TrackingLink = TrackingToken.Link(StatusPageAddress.Of(HttpContext), token) }, ct);
    }
}
