using Accountability.Api.Http;

namespace Accountability.Api.Features.RecurringProblems;

public static class ProblemAccess
{
    /// <summary>The same answer for a problem that does not exist and one the caller may not see.</summary>
    public static ProblemException NotFound(Guid id) => new(ProblemKind.NotFound, $"No problem {id}.");
}
