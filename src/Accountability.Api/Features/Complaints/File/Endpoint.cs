using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Features.Complaints.TrackingLinks;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using Accountability.Domain.Rules;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Complaints.File;

public sealed class Endpoint(IMediator mediator) : Endpoint<Request, ComplaintView>
{
    public override void Configure()
    {
        Post("complaints");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("File a complaint",
            "Files a customer's complaint; the store holds it until it is assigned or handed off. " +
            "The answer carries the customer's status page link (trackingLink) this once: send it to the customer.",
            new Request("cust-1042", "Acme Photo Pro", "acme-apps", "crash", "Crashes on start since the last update", Domain.Complaints.Channel.App)).Apply);
        Description(d => d.ClearDefaultProduces(200).Produces<ComplaintView>(201).ProducesProblems(400, 401, 403, 409, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var (token, hash) = TrackingToken.New();
        var complaint = new FileComplaint(Guid.CreateVersion7(), r.CustomerReference, r.Product, r.VendorId, r.Category, r.Description,
            r.Channel!.Value, r.Severity ?? Severity.Medium, hash, r.Claim?.ToMoney());
        var answer = await mediator.Send(new ActOnComplaint(complaint.ComplaintId, User.Actor(), null, IdempotencyKeys.Of(HttpContext, r), complaint), ct);
        // A replayed Idempotency-Key filed nothing now: its token was never stored, so no link is shown.
        var view = CommandAnswers.Answer(answer, HttpContext.Response);
        if (!answer.Replayed)
            view = view with { TrackingLink = TrackingToken.Link(StatusPageAddress.Of(HttpContext), token) };
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(view.Version);
        HttpContext.Response.Headers.Location = $"/api/complaints/{view.Id}";
        await Send.ResponseAsync(view, StatusCodes.Status201Created, ct);
    }
}
