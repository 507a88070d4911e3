using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.Decisions;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Complaints;

/// <summary>
/// The shape every action on a complaint shares: POST to /complaints/{id}/..., If-Match and Idempotency-Key honoured,
/// the endpoint names the command and the domain decides it, the updated complaint comes back with its new ETag.
/// </summary>
public abstract class ComplaintActionEndpoint<TRequest> : Endpoint<TRequest, ComplaintView> where TRequest : notnull
{
    protected abstract IComplaintCommand Command(TRequest request, Actor actor);

    protected void Action(string route, OperationText text, params string[] roles)
    {
        Post($"complaints/{{id:guid}}/{route}");
        Roles(roles.Length > 0 ? roles : [KeyClaims.Operator, KeyClaims.Vendor]);
        Summary(s =>
        {
            text.Apply(s);
            s.Description += " Send If-Match with the ETag last read to act only on that version, and an Idempotency-Key to retry safely; " +
                "the answer is the complaint as it now stands, with its new ETag.";
        });
        Description(d => d.ProducesProblems(400, 401, 403, 404, 409, 412, 422));
    }

    public override async Task HandleAsync(TRequest request, CancellationToken ct)
    {
        var actor = User.Actor();
        var command = new ActOnComplaint(Route<Guid>("id"), actor, RequestHeaders.ExpectedVersion(HttpContext),
            IdempotencyKeys.Of(HttpContext, request), Command(request, actor));
        var view = await Resolve<IMediator>().SendCommandAsync(command, HttpContext.Response, ct);
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(view.Version);
        await Send.OkAsync(view, ct);
    }
}
