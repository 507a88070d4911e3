using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.RecordThirdPartyResponse;

public sealed record Request(string Answer)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Answer).NotEmpty().MaximumLength(4000);
    }
}
