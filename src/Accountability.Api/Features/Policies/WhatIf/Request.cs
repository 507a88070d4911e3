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

/// <summary>What one policy flags among the replayed complaints.</summary>
/// <param name="ComplaintsFlagged">How many complaints it flags at least once.</param>
/// <param name="FlagsByRule">How many flags it raises, by rule id.</param>
public sealed record RuleCounts(int ComplaintsFlagged, IReadOnlyDictionary<string, int> FlagsByRule);

/// <summary>One complaint that either policy flags, with the rules each flags it by.</summary>
/// <param name="ComplaintId">The complaint's id.</param>
/// <param name="Product">The product or listing it is about.</param>
/// <param name="Current">The rules of the flags its history holds, raised under the policies in force then, one entry per flag.</param>
/// <param name="Candidate">The rules of the flags the candidate policy raises on a replay of its history, one entry per flag.</param>
public sealed record ComplaintComparison(Guid ComplaintId, string Product, IReadOnlyList<string> Current, IReadOnlyList<string> Candidate);

/// <param name="From">The start of the range replayed: complaints filed from then (inclusive).</param>
/// <param name="To">Its end: complaints filed up to then (inclusive).</param>
/// <param name="ComplaintsReplayed">How many complaints were filed in the range and replayed (5000 at most).</param>
/// <param name="Current">The flags the complaints' histories hold, counted.</param>
/// <param name="Candidate">The flags the candidate policy would raise, counted.</param>
/// <param name="Complaints">The complaints either flags, in order of filing.</param>
/// <param name="Judgments">The default judgments the histories record and those the candidate policy would make, with what they charge.</param>
public sealed record Response(
    DateTimeOffset From,
    DateTimeOffset To,
    int ComplaintsReplayed,
    RuleCounts Current,
    RuleCounts Candidate,
    IReadOnlyList<ComplaintComparison> Complaints,
    JudgmentComparison Judgments);

/// <summary>
/// Default judgments (a missed resolution deadline on an escalated complaint, or a missed evidence due time), per party
/// and cause: how many, and what they charge the party per currency. At most one per complaint, the first: it resolves it.
/// </summary>
/// <param name="Current">Those the complaints' histories record, made under the policies in force then.</param>
/// <param name="Candidate">Those the candidate policy would make on a replay of the same histories.</param>
public sealed record JudgmentComparison(IReadOnlyList<Domain.Rules.JudgmentTotal> Current, IReadOnlyList<Domain.Rules.JudgmentTotal> Candidate);
