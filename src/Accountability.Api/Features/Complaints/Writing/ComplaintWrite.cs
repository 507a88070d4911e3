using Accountability.Domain.Complaints;
using Accountability.Domain.Decisions;

namespace Accountability.Api.Features.Complaints.Writing;

/// <summary>One command on one complaint: who asks, at which version of the stream (null: any), and what.</summary>
public sealed record ComplaintWrite(Guid ComplaintId, Actor Actor, long? ExpectedVersion, IComplaintCommand Command);

/// <summary>
/// What a write appended, each event with the complaint as it leaves it (folded once, by the rules' judgement), and what
/// the write knew: reactions read these instead of folding again.
/// </summary>
public sealed record WrittenComplaint(Complaint? Before, IReadOnlyList<ComplaintStep> Steps, WriteContext Context, DateTimeOffset Now)
{
    public Complaint After => Steps.Count > 0 ? Steps[^1].After : Before!;

    /// <summary>
    /// The steps replay history up to <see cref="Now"/> (the import): the deadlines that fell due before it are already
    /// judged among them, and what is past is told to nobody.
    /// </summary>
    public bool Replayed { get; init; }
}

/// <summary>A complaint whose new stream the batched mode copied: its events, and the complaint they fold to.</summary>
public sealed record CopiedComplaint(Guid Id, IReadOnlyList<IComplaintEvent> Events, Complaint After);

/// <summary>How one write of several went: written, refused, or neither because the complaint was not found.</summary>
public sealed record ComplaintWriteOutcome(Guid ComplaintId, WrittenComplaint? Written, Refusal? Refusal);
