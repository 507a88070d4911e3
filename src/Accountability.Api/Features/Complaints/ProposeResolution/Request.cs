using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.ProposeResolution;

/// <param name="Summary">The fix for the customer to try; the customer sees it on the status page and can say whether it worked.</param>
public sealed record Request(string Summary)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Summary).NotEmpty().MaximumLength(2000);
    }

    public Domain.Decisions.ProposeResolution Command() => new(Summary);
}
