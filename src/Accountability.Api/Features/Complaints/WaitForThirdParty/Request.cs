using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.WaitForThirdParty;

/// <param name="ThirdParty">Who the holder is waiting on, in its own words: not a registered party, so never charged.</param>
/// <param name="Reason">What the holder is waiting for.</param>
public sealed record Request(string ThirdParty, string? Reason)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.ThirdParty).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Reason).MaximumLength(2000);
        }
    }
}
