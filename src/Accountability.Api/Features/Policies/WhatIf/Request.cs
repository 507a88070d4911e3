using FastEndpoints;
using FluentValidation;

namespace Accountability.Api.Features.Policies.WhatIf;

/// <param name="Candidate">The policy to try, shaped as for PUT /policy.</param>
/// <param name="From">Replay complaints filed from this time...</param>
/// <param name="To">...up to this time.</param>
public sealed record Request(Replace.Request Candidate, DateTimeOffset? From, DateTimeOffset? To)
{
    public const int MaxComplaints = 5000;

    public sealed class Validator : Validator<Request>
    {
        public Validator()
        {
            RuleFor(r => r.Candidate).NotNull().SetValidator(new Replace.Request.Validator());
            RuleFor(r => r.From).NotNull();
            RuleFor(r => r.To).NotNull().GreaterThan(r => r.From);
        }
    }
}

public sealed record RuleCounts(int ComplaintsFlagged, IReadOnlyDictionary<string, int> FlagsByRule);

/// <summary>One complaint that either policy flags, with the rules each flags it by.</summary>
public sealed record ComplaintComparison(Guid ComplaintId, string Product, IReadOnlyList<string> Current, IReadOnlyList<string> Candidate);

public sealed record Response(
    DateTimeOffset From,
    DateTimeOffset To,
    int ComplaintsReplayed,
    RuleCounts Current,
    RuleCounts Candidate,
    IReadOnlyList<ComplaintComparison> Complaints);
