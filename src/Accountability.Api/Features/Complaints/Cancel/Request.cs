using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.Cancel;

/// <param name="Reason">Why the complaint was withdrawn, as the customer put it.</param>
public sealed record Request(string Reason)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
    }
}
