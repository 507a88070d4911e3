using Accountability.Api.Features.Parties;
using Accountability.Domain.Complaints;
using Accountability.Domain.Rules;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Complaints.List;

public sealed class Request
{
    /// <summary>Only complaints in this status.</summary>
    [QueryParam] public ComplaintStatus? Status { get; init; }
    /// <summary>Only complaints this party holds now (a party id).</summary>
    [QueryParam] public string? Holder { get; init; }
    /// <summary>Only complaints about this vendor's product (a party id).</summary>
    [QueryParam] public string? Vendor { get; init; }
    /// <summary>Only complaints about this product (exact name).</summary>
    [QueryParam] public string? Product { get; init; }
    /// <summary>Only complaints filed at or after this moment (ISO 8601).</summary>
    [QueryParam] public DateTimeOffset? OpenedFrom { get; init; }
    /// <summary>Only complaints filed at or before this moment (ISO 8601).</summary>
    [QueryParam] public DateTimeOffset? OpenedTo { get; init; }
    /// <summary>"true": complaints with a standing flag; "false": without; a rule id (such as ping-pong): with a flag of that rule.</summary>
    [QueryParam] public string? Flagged { get; init; }
    /// <summary>Whether the marketplace has made itself accountable for the complaint.</summary>
    [QueryParam] public bool? Escalated { get; init; }
    /// <summary>The party that answers for the complaint: its holder, or the marketplace once escalated.</summary>
    [QueryParam] public string? Accountable { get; init; }
    /// <summary>"true": complaints with a running clock past its deadline; "false": without.</summary>
    [QueryParam] public bool? Overdue { get; init; }
    /// <summary>Complaints with a running (not paused) clock due before this time, overdue ones included.</summary>
    [QueryParam] public DateTimeOffset? DueBefore { get; init; }
    /// <summary>At most this many items, 1 to 200; 50 when absent.</summary>
    [QueryParam] public int Limit { get; init; } = 50;
    /// <summary>The nextCursor of the previous page; absent for the first page.</summary>
    [QueryParam] public string? Cursor { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Status).IsInEnum();
            RuleFor(r => r.Holder).PartyId().When(r => r.Holder is not null);
            RuleFor(r => r.Vendor).PartyId().When(r => r.Vendor is not null);
            RuleFor(r => r.Product).MaximumLength(200);
            RuleFor(r => r.Flagged).Must(f => f is null || FlaggedFilter.IsValid(f))
                .WithMessage($"'flagged' must be true, false or one of {string.Join(", ", RuleIds.All)}.");
            RuleFor(r => r.Accountable).PartyId().When(r => r.Accountable is not null);
            RuleFor(r => r.Limit).InclusiveBetween(1, 200);
            RuleFor(r => r.Cursor).Must(c => c is null || PageCursor.TryParse(c, out _)).WithMessage("'Cursor' is not a cursor this API returned.");
            RuleFor(r => r.OpenedTo).GreaterThanOrEqualTo(r => r.OpenedFrom).When(r => r.OpenedFrom is not null && r.OpenedTo is not null);
        }
    }
}

/// <summary>The flagged filter's values: true, false or a rule id.</summary>
public static class FlaggedFilter
{
    public static bool IsValid(string value) => bool.TryParse(value, out _) || RuleIds.All.Contains(value);
}

/// <param name="Items">The complaints of this page.</param>
/// <param name="NextCursor">The cursor to ask for the next page with; null on the last page.</param>
public sealed record Response(IReadOnlyList<ComplaintView> Items, string? NextCursor);
