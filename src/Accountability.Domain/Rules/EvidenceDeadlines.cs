using Accountability.Domain.Complaints;

namespace Accountability.Domain.Rules;

/// <summary>The deadlines of a complaint's evidence requests: one per open request, binding the party asked.</summary>
public static class EvidenceDeadlines
{
    /// <summary>The open request an evidence deadline stands for: the one asked at the deadline's version, of the same party.</summary>
    public static EvidenceRequest? OpenRequestOf(Complaint state, Deadline deadline) =>
        state.EvidenceRequests.FirstOrDefault(r => r.Version == deadline.HoldStartVersion && r.Party == deadline.Holder && r.IsOpen);

    /// <summary>The deadlines of the open evidence requests, one per request.</summary>
    public static IReadOnlyList<Deadline> DeadlinesOf(Complaint state) =>
        [.. state.EvidenceRequests.Where(r => r.IsOpen).Select(r => new Deadline(DeadlineKind.Evidence, r.Party, r.Version, r.Due))];
}
