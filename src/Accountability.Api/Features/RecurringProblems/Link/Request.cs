using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.RecurringProblems.Link;

/// <param name="ComplaintId">The complaint to link; a complaint belongs to one problem at a time.</param>
public sealed record Request(Guid? ComplaintId)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator() => RuleFor(r => r.ComplaintId).NotNull().NotEqual(Guid.Empty);
    }
}
