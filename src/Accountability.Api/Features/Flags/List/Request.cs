using Accountability.Api.Features.Complaints.List;
using Accountability.Domain.Rules;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Flags.List;

public sealed class Request
{
    /// <summary>Only flags of this rule, such as ping-pong; all rules when absent.</summary>
    [QueryParam] public string? Rule { get; init; }
    /// <summary>At most this many complaints' flags, 1 to 200; 50 when absent.</summary>
    [QueryParam] public int Limit { get; init; } = 50;
    /// <summary>The nextCursor of the previous page; absent for the first page.</summary>
    [QueryParam] public string? Cursor { get; init; }

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Rule).Must(r => r is null || RuleIds.All.Contains(r)).WithMessage($"'rule' must be one of {string.Join(", ", RuleIds.All)}.");
            RuleFor(r => r.Limit).InclusiveBetween(1, 200);
            RuleFor(r => r.Cursor).Must(c => c is null || PageCursor.TryParse(c, out _)).WithMessage("'cursor' is not a cursor this API returned.");
        }
    }
}

/// <summary>A flag with the complaint it was raised on.</summary>
/// <param name="ComplaintId">The complaint's id.</param>
/// <param name="Product">The product or listing it is about.</param>
/// <param name="Holder">The id of the party holding it now.</param>
/// <param name="Accountable">The id of the party that answers for it now: the holder, or store once the rules escalated it.</param>
public sealed record FlaggedComplaint(Guid ComplaintId, string Product, string Holder, string Accountable, Flag Flag);

/// <param name="Items">The flags, newest complaints first.</param>
/// <param name="NextCursor">The cursor to ask for the next page with; null on the last page.</param>
public sealed record Response(IReadOnlyList<FlaggedComplaint> Items, string? NextCursor);
