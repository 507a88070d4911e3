using Accountability.Api.Features.Complaints;
using Accountability.Api.Features.Complaints.List;
using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;
using Accountability.Domain.Parties;
using Accountability.Domain.RecurringProblems;
using Marten;
using Marten.Linq.MatchesSql;

namespace Accountability.Api.Features.RecurringProblems;

/// <param name="Owner">A party id: the store or a vendor.</param>
/// <param name="Cursor">Where the previous page ended (its next cursor); null for the first page.</param>
public sealed record ProblemFilter(ProblemStatus? Status = null, string? Product = null, string? Owner = null, int Limit = 50, string? Cursor = null);

/// <summary>
/// Reads problems for one tenant (the session's) as an actor may see them: operators every problem, a vendor those it
/// owns or that link a complaint it may see, and of those complaints only the ones it may see.
/// </summary>
public sealed class ProblemQueries(IQuerySession session, TimeProvider clock)
{
    /// <summary>A page of problems newest first, filtered, at most <see cref="ProblemFilter.Limit"/>; and the next page's cursor.</summary>
    public async Task<(IReadOnlyList<ProblemView> Items, string? Next)> ListAsync(Actor actor, ProblemFilter filter, CancellationToken ct)
    {
        IQueryable<RecurringProblem> query = session.Query<RecurringProblem>();
        if (!actor.IsOperator) query = query.Where(p => p.Owner == actor.PartyId || p.MatchesSql(LinksAComplaintSeenBy(), actor.PartyId));
        if (filter.Status is { } status) query = query.Where(p => p.Status == status);
        if (filter.Product is { } product) query = query.Where(p => p.Product == product);
        if (filter.Owner is { } owner) query = query.Where(p => p.Owner == owner);
        var (problems, next) = await PageCursor.ReadAsync(query, filter.Cursor, filter.Limit, p => p.OpenedAt, p => p.Id, "opened_at", ct);
        var parties = await PartiesAsync(ct);
        return ([.. problems.Select(p => ProblemView.From(p, parties, actor.IsOperator ? p.LinkedComplaints.Count : null))], next);
    }

    /// <summary>The open problems, newest first: what an operator's dashboard lists.</summary>
    public async Task<IReadOnlyList<ProblemView>> OpenProblemsAsync(int limit, CancellationToken ct) =>
        (await ListAsync(Actor.Operator(Party.StoreId), new ProblemFilter(ProblemStatus.Open, Limit: limit), ct)).Items;

    /// <summary>The problem's page, or null when it does not exist or the actor may not see it.</summary>
    public async Task<ProblemPage?> FindAsync(Guid id, Actor actor, CancellationToken ct)
    {
        var batch = session.CreateBatchQuery();
        var problemQuery = batch.Load<RecurringProblem>(id);
        var partiesQuery = batch.Query<Party>().ToList();
        await batch.Execute(ct);
        if (await problemQuery is not { } problem)
            return null;
        var linked = problem.LinkedComplaints.Count == 0 ? [] : await session.LoadManyAsync<Complaint>(ct, problem.LinkedComplaints);
        var visible = linked.Where(actor.CanSee).OrderBy(c => c.FiledAt).ToList();
        if (!actor.IsOperator && problem.Owner != actor.PartyId && visible.Count == 0)
            return null;

        var parties = new PartyDirectory(await partiesQuery);
        var now = clock.GetUtcNow();
        var held = visible.SelectMany(c => c.TimeHeld(now)).GroupBy(t => t.Key, t => t.Value.TotalSeconds)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new TimeHeld(g.Key, parties.NameOf(g.Key), (long)g.Sum())).ToList();
        var involved = visible.SelectMany(c => c.PartiesInvolved).Concat(problem.Owner is { } owner ? [owner] : [])
            .Distinct().Order(StringComparer.Ordinal).Select(p => PartyRef.Of(p, parties)).ToList();
        return new ProblemPage(
            ProblemView.From(problem, parties, visible.Count), [.. visible.Select(c => ComplaintView.From(c, parties, now, withFlags: false))],
            held, held.Sum(t => t.Seconds), involved);
    }

    /// <summary>Whether a vendor may see the problem: it owns it, or a linked complaint is one it holds or has held.</summary>
    public async Task<bool> CanSeeAsync(RecurringProblem problem, Actor actor, CancellationToken ct) =>
        actor.IsOperator || problem.Owner == actor.PartyId
        || (problem.LinkedComplaints.Count > 0 && await session.Query<Complaint>()
            .AnyAsync(c => c.Id.IsOneOf(problem.LinkedComplaints.ToArray()) && c.PartiesInvolved.Contains(actor.PartyId), ct));

    private async Task<PartyDirectory> PartiesAsync(CancellationToken ct) => new(await session.Query<Party>().ToListAsync(ct));

    /// <summary>A condition on the problem row d: one of its links names a complaint the party (the parameter) holds or has held.</summary>
    private string LinksAComplaintSeenBy()
    {
        var options = session.DocumentStore.Options;
        var links = options.FindOrResolveDocumentType(typeof(ProblemLink)).TableName.QualifiedName;
        var complaints = options.FindOrResolveDocumentType(typeof(Complaint)).TableName.QualifiedName;
        return $"exists (select 1 from {links} l join {complaints} c on c.tenant_id = l.tenant_id and c.id = l.id " +
            "where l.tenant_id = d.tenant_id and l.problem_id = d.id and c.data -> 'partiesInvolved' @> jsonb_build_array(?::text))";
    }
}
