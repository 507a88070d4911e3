using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.RecurringProblems.Open;

/// <param name="Product">The product or listing, as complaints name it.</param>
/// <param name="Summary">What keeps going wrong, in a sentence.</param>
/// <param name="Category">The category of the complaints it gathers.</param>
public sealed record Request(string Product, string Category, string Summary)
{
    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Product).NotEmpty().MaximumLength(200);
            RuleFor(r => r.Category).NotEmpty().MaximumLength(100);
            RuleFor(r => r.Summary).NotEmpty().MaximumLength(2000);
        }
    }
}
