using Accountability.Api.Auth;
using Accountability.Api.Problems;
using Accountability.Domain.Complaints;
using Accountability.Domain.Parties;
using Accountability.Domain.Rules;
using FastEndpoints;
using Marten;

namespace Accountability.Api.Features.Policies.WhatIf;

/// <summary>Replays stored history through a candidate policy, reading only: nothing is written.</summary>
public sealed class Endpoint(IQuerySession session, TimeProvider clock) : Endpoint<Request, Response>
{
    public override void Configure()
    {
        Post("policy/what-if");
        Roles(KeyClaims.Operator);
        Summary(s => s.Summary = "What a candidate policy would have flagged on the complaints filed in a time range, next to what the policy in force flagged. Writes nothing.");
        Description(d => d.ProducesProblems(400, 401, 403));
    }

    public override async Task HandleAsync(Request r, CancellationToken ct)
    {
        var (from, to) = (r.From!.Value, r.To!.Value);
        var complaints = await session.Query<Complaint>().Where(c => c.FiledAt >= from && c.FiledAt <= to)
            .OrderBy(c => c.FiledAt).Take(Request.MaxComplaints + 1).ToListAsync(ct);
        if (complaints.Count > Request.MaxComplaints)
            throw new ProblemException(ProblemKind.Validation, $"More than {Request.MaxComplaints} complaints were filed in that range: narrow it.",
                new Dictionary<string, string[]> { ["to"] = [$"At most {Request.MaxComplaints} complaints per replay."] });

        var ids = complaints.Select(c => c.Id).ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var histories = events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => g.Select(e => (IComplaintEvent)e.Data).ToList());
        var parties = new PartyDirectory(await session.Query<Party>().ToListAsync(ct));
        var candidate = r.Candidate.ToPolicy(0);
        var now = clock.GetUtcNow();

        var comparisons = complaints.Select(c =>
        {
            var history = histories.GetValueOrDefault(c.Id) ?? [];
            var current = history.OfType<FlagRaised>().Select(f => f.Rule).ToList();
            var replayed = Replay.Run(history, candidate, parties, now).Select(f => f.Rule).ToList();
            return new ComplaintComparison(c.Id, c.Product, current, replayed);
        }).ToList();

        await Send.OkAsync(new Response(from, to, complaints.Count,
            Count(comparisons.Select(c => c.Current)), Count(comparisons.Select(c => c.Candidate)),
            [.. comparisons.Where(c => c.Current.Count > 0 || c.Candidate.Count > 0)]), ct);
    }

    private static RuleCounts Count(IEnumerable<IReadOnlyList<string>> flagsPerComplaint)
    {
        var all = flagsPerComplaint.ToList();
        return new RuleCounts(all.Count(f => f.Count > 0),
            all.SelectMany(f => f).GroupBy(rule => rule).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()));
    }
}
