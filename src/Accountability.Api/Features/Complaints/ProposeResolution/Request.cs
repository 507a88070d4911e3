using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.ProposeResolution;

public sealed record Request(string Summary)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Summary).NotEmpty().MaximumLength(2000);
    }

    public Domain.Decisions.ProposeResolution Command() => new(Summary);
}
