using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.RequestInformation;

/// <param name="Question">What the holder asks the customer; the customer sees it on the status page.</param>
public sealed record Request(string Question)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Question).NotEmpty().MaximumLength(2000);
    }

    public Domain.Decisions.RequestInformation Command() => new(Question);
}
