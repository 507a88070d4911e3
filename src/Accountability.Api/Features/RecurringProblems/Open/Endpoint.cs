using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using Accountability.Domain.RecurringProblems;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.RecurringProblems.Open;

public sealed class Endpoint(IMediator mediator) : Endpoint<Request, ProblemView>
{
    public override void Configure()
    {
        Post("problems");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Open a recurring problem",
            "Opens a problem about a product and category by hand; link complaints to it next.",
            new Request("Acme Photo Pro", "crash", "Crashes on start since 2.4.0")).Apply);
        Description(d => d.ClearDefaultProduces(200).Produces<ProblemView>(201).ProducesProblems(400, 401, 403, 409, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var problem = new OpenProblem(Guid.CreateVersion7(), r.Product, r.Category, r.Summary);
        var view = await mediator.SendCommandAsync(
            new ActOnProblem(problem.ProblemId, User.Actor(), null, IdempotencyKeys.Of(HttpContext, r), problem), HttpContext.Response, ct);
        HttpContext.Response.Headers.ETag = RequestHeaders.ETag(view.Version);
        HttpContext.Response.Headers.Location = $"/api/problems/{view.Id}";
        await Send.ResponseAsync(view, StatusCodes.Status201Created, ct);
    }
}
