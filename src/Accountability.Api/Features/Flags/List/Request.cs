using Accountability.Api.Features.Complaints.List;
using Accountability.Domain.Rules;
using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Flags.List;

public sealed class Request
{
    /// <summary>Only flags of this rule, such as ping-pong; all rules when absent.</summary>
    [QueryParam] public string? Rule { get; init; }
    [QueryParam] public int Limit { get; init; } = 50;
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
public sealed record FlaggedComplaint(Guid ComplaintId, string Product, string Holder, string Accountable, Flag Flag);

public sealed record Response(IReadOnlyList<FlaggedComplaint> Items, string? NextCursor);
