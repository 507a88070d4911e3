using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Standing.Decide;

/// <summary>The operator decides what follows a warning or probation: reinstate, keep on probation, or end the relationship.</summary>
public sealed class Endpoint(IMediator mediator) : Endpoint<Request, IReadOnlyList<StandingEntry>>
{
    public override void Configure()
    {
        Post("parties/{id}/standing/decision");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Decide what follows a vendor's warning or probation",
            "Records the operator's decision with its reason: reinstate (warned or on probation; the figures count afresh from now), keep on probation, or end the relationship.",
            new Request(Domain.Standing.StandingDecisionKind.Reinstate, "Plan of action accepted")).Apply);
        Description(d => d.Produces<IReadOnlyList<StandingEntry>>(200).ProducesProblems(400, 401, 403, 404, 409, 422));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var command = new Command(Route<string>("id")!, r.Decision!.Value, r.Reason!, User.Actor(), IdempotencyKeys.Of(HttpContext, r));
        await Send.OkAsync(await mediator.SendCommandAsync(command, HttpContext.Response, ct), ct);
    }
}
