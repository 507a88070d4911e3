using Accountability.Api.Http;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using Marten;

namespace Accountability.Api.Features.Policies.WhatIf;

/// <summary>
/// Replays the complaints filed in a time range through a candidate policy, next to what the policy in force flagged.
/// Reads only; the API and the command line both ask it.
/// </summary>
public static class PolicyReplay
{
    public static async Task<Response> RunAsync(
        IQuerySession session, Replace.Request candidatePolicy, DateTimeOffset from, DateTimeOffset to, int maxComplaints, DateTimeOffset now, CancellationToken ct)
    {
        var complaints = await session.Query<Complaint>().Where(c => c.FiledAt >= from && c.FiledAt <= to)
            .OrderBy(c => c.FiledAt).Take(maxComplaints + 1).ToListAsync(ct);
        if (complaints.Count > maxComplaints)
            throw new ProblemException(ProblemKind.Validation, $"More than {maxComplaints} complaints were filed in that range: narrow it.",
                new Dictionary<string, string[]> { ["to"] = [$"At most {maxComplaints} complaints per replay."] });

        var ids = complaints.Select(c => c.Id).ToArray();
        var histories = await ComplaintHistories.ReadAsync(session, ids, ct);
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
        var candidate = candidatePolicy.ToPolicy(0);

        var (judgedBefore, judgedByCandidate) = (new List<JudgedByDefault>(), new List<JudgedByDefault>());
        var comparisons = complaints.Select(c =>
        {
            var history = histories.GetValueOrDefault(c.Id) ?? [];
            var current = history.OfType<FlagRaised>().Select(f => f.Rule).ToList();
            var replayed = Replay.Run(history, candidate, parties, now).Select(f => f.Rule).ToList();
            judgedBefore.AddRange(DefaultJudgments.Recorded(history));
            judgedByCandidate.AddRange(Replay.Judgments(history, candidate, parties, now));
            return new ComplaintComparison(c.Id, c.Product, current, replayed);
        }).ToList();

        return new Response(from, to, complaints.Count,
            Count(comparisons.Select(c => c.Current)), Count(comparisons.Select(c => c.Candidate)),
            [.. comparisons.Where(c => c.Current.Count > 0 || c.Candidate.Count > 0)],
            new JudgmentComparison(DefaultJudgments.Totals(judgedBefore), DefaultJudgments.Totals(judgedByCandidate)));
    }

    private static RuleCounts Count(IEnumerable<IReadOnlyList<string>> flagsPerComplaint)
    {
        var all = flagsPerComplaint.ToList();
        return new RuleCounts(all.Count(f => f.Count > 0),
            all.SelectMany(f => f).GroupBy(rule => rule).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
    }
}
