using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.RecordThirdPartyResponse;

/// <param name="Answer">What the third party answered.</param>
public sealed record Request(string Answer)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Answer).NotEmpty().MaximumLength(4000);
    }
}
