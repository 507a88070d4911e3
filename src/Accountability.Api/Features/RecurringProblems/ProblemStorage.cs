using Accountability.Domain.Complaints;
using Accountability.Domain.RecurringProblems;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace Accountability.Api.Features.RecurringProblems;

/// <summary>Keeps each problem's state as a document, updated in the same transaction as its events.</summary>
public sealed class ProblemProjection : SingleStreamProjection<RecurringProblem, Guid>
{
    // Without it, every append to a complaint's stream made the projection look for a problem with the complaint's id:
    // one more query, on a round trip of its own, for each write.
    public ProblemProjection() => IncludeType<IProblemEvent>();

    public override RecurringProblem? Evolve(RecurringProblem? snapshot, Guid id, IEvent e) => RecurringProblem.Evolve(snapshot, e.Data);
}

/// <summary>Which problem a complaint is linked to: one at a time, so two links of one complaint collide on its id.</summary>
public sealed record ProblemLink(Guid Id, Guid ProblemId);

public static class ProblemStorage
{
    public static void AddRecurringProblems(this StoreOptions opts)
    {
        opts.Projections.Add<ProblemProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<RecurringProblem>().MultiTenanted()
            .Duplicate(p => p.Status).Duplicate(p => p.Product).Duplicate(p => p.Category).Duplicate(p => p.Owner).Duplicate(p => p.OpenedAt);
        opts.Schema.For<ProblemLink>().MultiTenanted().Duplicate(l => l.ProblemId);
    }

    /// <summary>Keeps the complaint-to-problem links in step with the events appended to a problem, in the same transaction.</summary>
    public static void RecordLinks(this IDocumentSession session, Guid problemId, IEnumerable<IProblemEvent> events)
    {
        foreach (var e in events)
        {
            if (e is ComplaintLinked linked)
                session.Insert(new ProblemLink(linked.ComplaintId, problemId));
            else if (e is ComplaintUnlinked unlinked)
                session.Delete<ProblemLink>(unlinked.ComplaintId);
        }
    }
}
