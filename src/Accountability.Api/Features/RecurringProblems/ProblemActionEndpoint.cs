using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.RecurringProblems;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.RecurringProblems;

/// <summary>
/// The shape every action on a problem shares: If-Match and Idempotency-Key honoured, the domain decides, the updated
/// problem comes back with its new ETag. The endpoint names the command; the domain decides it.
/// </summary>
public abstract class ProblemActionEndpoint<TRequest> : Endpoint<TRequest, ProblemView> where TRequest : notnull
{
    protected abstract IProblemCommand Command(TRequest request);

    protected void Action(string route, OperationText text, params string[] roles)
    {
        Post($"problems/{{id:guid}}/{route}");
        Describe(text, roles);
    }

    protected void Describe(OperationText text, params string[] roles)
    {
        Roles(roles.Length > 0 ? roles : [KeyClaims.Operator]);
        Summary(s =>
        {
            text.Apply(s);
            s.Description += " Send If-Match with the ETag last read to act only on that version; the answer is the problem as it now stands, with its new ETag.";
        });
        Description(d => d.ProducesProblems(400, 401, 403, 404, 409, 412, 422));
    }

    public override async Task HandleAsync(TRequest request, CancellationToken ct)
    {
        var command = new ActOnProblem(Route<Guid>("id"), User.Actor(), RequestHeaders.ExpectedVersion(HttpContext),
            IdempotencyKeys.Of(HttpContext, request), Command(request));
        var view = await Resolve<IMediator>().SendCommandAsync(command, HttpContext.Response, ct);
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(view.Version);
        await Send.OkAsync(view, ct);
    }
}
