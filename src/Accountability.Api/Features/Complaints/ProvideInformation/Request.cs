using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.ProvideInformation;

/// <param name="Answer">The customer's answer to the open request for information.</param>
public sealed record Request(string Answer)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Answer).NotEmpty().MaximumLength(4000);
    }
}
