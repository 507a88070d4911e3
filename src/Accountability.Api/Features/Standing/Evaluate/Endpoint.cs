using Accountability.Api.Auth;
using Accountability.Api.Commands;
using Accountability.Api.Http;
using FastEndpoints;
using MediatR;

namespace Accountability.Api.Features.Standing.Evaluate;

/// <summary>Evaluates a vendor's standing now (the periodic evaluator does the same for every vendor); answers what it recorded.</summary>
public sealed class Endpoint(IMediator mediator) : EndpointWithoutRequest<IReadOnlyList<StandingEntry>>
{
    public override void Configure()
    {
        Post("parties/{id}/standing/evaluation");
        Roles(KeyClaims.Operator);
        Summary(new OperationText("Evaluate a vendor's standing now",
            "Judges the vendor's figures over the policy's window against its thresholds now, and records a change of standing (and its webhook) when they call for one; an empty list when nothing changed or standing is off.").Apply);
        Description(d => d.Produces<IReadOnlyList<StandingEntry>>(200).ProducesProblems(400, 401, 403, 404));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var command = new Command(Route<string>("id")!, IdempotencyKeys.Of(HttpContext, new { }));
        await Send.OkAsync(await mediator.SendCommandAsync(command, HttpContext.Response, ct), ct);
    }
}
