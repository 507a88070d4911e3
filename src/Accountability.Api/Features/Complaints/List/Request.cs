using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.List;

/// <param name="Cursor">The nextCursor of the previous page; absent for the first page.</param>
public sealed class Request
{
    [QueryParam] public ComplaintStatus? Status { get; init; }
    [QueryParam] public string? Holder { get; init; }
    [QueryParam] public string? Vendor { get; init; }
    [QueryParam] public string? Product { get; init; }
    [QueryParam] public DateTimeOffset? OpenedFrom { get; init; }
    [QueryParam] public DateTimeOffset? OpenedTo { get; init; }
    [QueryParam] public int Limit { get; init; } = 50;
    [QueryParam] public string? Cursor { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).IsInEnum();
            RuleFor(r => r.Holder).PartyId().When(r => r.Holder is not null);
            RuleFor(r => r.Vendor).PartyId().When(r => r.Vendor is not null);
            RuleFor(r => r.Product).MaximumLength(200);
            RuleFor(r => r.Limit).InclusiveBetween(1, 200);
            RuleFor(r => r.Cursor).Must(c => c is null || PageCursor.TryParse(c, out _)).WithMessage("'Cursor' is not a cursor this API returned.");
            RuleFor(r => r.OpenedTo).GreaterThanOrEqualTo(r => r.OpenedFrom).When(r => r.OpenedFrom is not null && r.OpenedTo is not null);
        }
    }
}

public sealed record Response(IReadOnlyList<ComplaintView> Items, string? NextCursor);
