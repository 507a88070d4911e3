using Accountability.Api.Features.Complaints.List;
using Accountability.Api.Features.Parties;
using Accountability.Domain.RecurringProblems;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.RecurringProblems.List;

public sealed class Request
{
    [QueryParam] public ProblemStatus? Status { get; init; }
    /// <summary>Only problems about this product (exact name).</summary>
    [QueryParam] public string? Product { get; init; }
    /// <summary>Only problems this party owns (a party id).</summary>
    [QueryParam] public string? Owner { get; init; }
    /// <summary>At most this many items, 1 to 200; 50 when absent.</summary>
    [QueryParam] public int Limit { get; init; } = 50;

    /// <summary>The nextCursor of the previous page; absent for the first page.</summary>
    [QueryParam] public string? Cursor { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).IsInEnum();
            RuleFor(r => r.Product).MaximumLength(200);
            RuleFor(r => r.Owner).PartyId().When(r => r.Owner is not null);
            RuleFor(r => r.Limit).InclusiveBetween(1, 200);
            RuleFor(r => r.Cursor).Must(c => c is null || PageCursor.TryParse(c, out _)).WithMessage("'cursor' is not a cursor this API returned.");
        }
    }
}

/// <param name="Items">The problems, newest first.</param>
/// <param name="NextCursor">The cursor to ask for the next page with; null on the last page.</param>
public sealed record Response(IReadOnlyList<ProblemView> Items, string? NextCursor);
