using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.RecurringProblems.Link;

public sealed record Request(Guid? ComplaintId)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.ComplaintId).NotNull().NotEqual(Guid.Empty);
    }
}
