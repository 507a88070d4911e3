using Accountability.Api.Features.Complaints;
using Accountability.Domain.RecurringProblems;
using Marten;

namespace Accountability.Api.Features.RecurringProblems;

/// <summary>What a write appended to a problem, the problem before it, and what the write knew.</summary>
public sealed record WrittenProblem(RecurringProblem? Before, IReadOnlyList<IProblemEvent> Events, WriteContext Context, DateTimeOffset Now);

/// <summary>
/// What follows every write to a problem, in the same session and so in the same transaction (webhook deliveries). Each
/// feature registers its own as a singleton; the problem's writes know none of them by name.
/// </summary>
public interface IProblemWriteReaction
{
    void React(IDocumentSession session, WrittenProblem written);
}
