using Accountability.Domain.Decisions;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.Reopen;

/// <param name="Reason">Why it is reopened, in the customer's words as relayed.</param>
public sealed record Request(string Reason)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(2000);
    }

    public ReopenComplaint Command() => new(Reason);
}
